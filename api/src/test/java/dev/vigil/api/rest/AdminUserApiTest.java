package dev.vigil.api.rest;

import static dev.vigil.api.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.vigil.api.TestUsers;
import dev.vigil.api.WithTestUsers;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUserApiTest extends WithTestUsers {

    @Test
    void createsAUserWhoCanThenSignIn() {
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\":\"n.nurse\",\"displayName\":\"Nora Nurse\",\"password\":\"a-long-password\","
                        + "\"roles\":[\"clinician\",\"researcher\"]}")
                .when().post("/api/admin/users").then()
                .statusCode(201)
                .header("Location", endsWith("/api/admin/users/n.nurse"))
                .body("username", equalTo("n.nurse"))
                .body("roles", equalTo(List.of("clinician", "researcher")))
                .body("enabled", equalTo(true))
                .body("passwordHash", nullValue())
                .body("lastLoginAt", nullValue());

        given().auth().preemptive().basic("n.nurse", "a-long-password").when().get("/api/me").then()
                .statusCode(200).body("displayName", equalTo("Nora Nurse"));
    }

    @Test
    void aDuplicateUsernameIsAConflict() {
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\":\"t-clinician\",\"password\":\"a-long-password\",\"roles\":[\"clinician\"]}")
                .when().post("/api/admin/users").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("A user named 't-clinician' already exists"));
    }

    @Test
    void anUnknownRoleIsNamed() {
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\":\"r.role\",\"password\":\"a-long-password\",\"roles\":[\"surgeon\"]}")
                .when().post("/api/admin/users").then()
                .statusCode(400)
                .body("detail", containsString("Unknown role 'surgeon'"))
                .body("detail", containsString("clinician"));
    }

    @Test
    void aShortPasswordIsRefusedWithTheRule() {
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\":\"s.short\",\"password\":\"short\",\"roles\":[\"auditor\"]}")
                .when().post("/api/admin/users").then()
                .statusCode(400)
                .body("detail", equalTo("A password needs at least 10 characters"));
    }

    @Test
    void aBadUsernameIsExplained() {
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\":\"Bad Name\",\"password\":\"a-long-password\",\"roles\":[\"auditor\"]}")
                .when().post("/api/admin/users").then()
                .statusCode(400)
                .body("detail", containsString("lower-case letters"));
    }

    @Test
    void missingFieldsAreListedByName() {
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"displayName\":\"Nobody\"}")
                .when().post("/api/admin/users").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("roles"));
    }

    @Test
    void malformedJsonIsA400WithoutEchoingTheBody() {
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"username\": \"secret-patient-name\", ")
                .when().post("/api/admin/users").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"))
                .body("detail", not(containsString("secret-patient-name")));
    }

    @Test
    void changesRolesAndDisables() {
        if (users.find("c.change").isEmpty()) {
            users.create("c.change", null, "a-long-password", List.of(Roles.CLINICIAN));
        }
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"roles\":[\"auditor\"],\"enabled\":false}")
                .when().patch("/api/admin/users/c.change").then()
                .statusCode(200)
                .body("roles", equalTo(List.of("auditor")))
                .body("enabled", equalTo(false));
        given().auth().preemptive().basic("c.change", "a-long-password").when().get("/api/me").then()
                .statusCode(401);
    }

    @Test
    void setsAPassword() {
        if (users.find("p.pass").isEmpty()) {
            users.create("p.pass", null, "first-password", List.of(Roles.CLINICIAN));
        }
        as(Roles.ADMIN).contentType("application/json").body("{\"password\":\"second-password\"}")
                .when().put("/api/admin/users/p.pass/password").then().statusCode(204);
        given().auth().preemptive().basic("p.pass", "second-password").when().get("/api/me").then().statusCode(200);
        given().auth().preemptive().basic("p.pass", "first-password").when().get("/api/me").then().statusCode(401);
    }

    @Test
    void unknownUserIs404() {
        as(Roles.ADMIN).contentType("application/json").body("{\"enabled\":false}")
                .when().patch("/api/admin/users/no.such.user").then()
                .statusCode(404)
                .body("detail", equalTo("No user named 'no.such.user'"));
    }

    @Test
    void theLastAdministratorCannotBeDemoted() {
        // t-admin may not be the only admin (other tests add some); demote all others first.
        for (var user : users.list()) {
            if (!user.getUsername().equals("t-admin") && user.getRoles().contains(Roles.ADMIN) && user.isEnabled()) {
                users.update(user.getUsername(), null, null, false);
            }
        }
        as(Roles.ADMIN).contentType("application/json").body("{\"roles\":[\"clinician\"]}")
                .when().patch("/api/admin/users/t-admin").then()
                .statusCode(409)
                .body("detail", containsString("last enabled administrator"));
        as(Roles.ADMIN).when().get("/api/admin/users/t-admin").then()
                .statusCode(200).body("roles", equalTo(List.of("admin")));
    }
}
