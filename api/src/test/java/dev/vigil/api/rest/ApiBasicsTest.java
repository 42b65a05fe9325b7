package dev.vigil.api.rest;

import static dev.vigil.api.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.vigil.api.TestUsers;
import dev.vigil.api.WithTestUsers;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiBasicsTest extends WithTestUsers {

    @Test
    void publishesTheOpenApiDocumentWithEveryPath() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("Vigil API"))
                .body("paths", hasKey("/api/me"))
                .body("paths", hasKey("/api/admin/users"))
                .body("paths", hasKey("/api/artifacts/{sha256}"))
                .body("components.securitySchemes", hasKey("SecurityScheme"));
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void reportsHealthIncludingTheDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exportsPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void anUnknownApiPathIsAProblemDetail() {
        as(Roles.RESEARCHER).when().get("/api/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/api/no-such-thing"))
                .body("detail", containsString("/q/openapi"));
    }

    @Test
    void aWrongMethodIsAProblemDetail() {
        as(Roles.ADMIN).when().delete("/api/me").then()
                .statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void problemDetailsCarryNoClassNamesOrStackTraces() {
        as(Roles.RESEARCHER).when().get("/api/artifacts/not-a-hash").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("is not a SHA-256 hash"))
                .body(not(containsString("Exception")))
                .body(not(containsString("dev.vigil")));
    }

    @Test
    void servesTheWebUiWithoutSignIn() {
        given().when().get("/").then().statusCode(200).body(containsString("<div id=\"root\">"));
    }
}
