package dev.vigil.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.api.TestUsers;
import dev.vigil.api.WithTestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FormLoginTest extends WithTestUsers {

    @Test
    void signsInWithAnHttpOnlyStrictCookieAndSignsOut() {
        Response login = given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "t-researcher").formParam("j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = login.getHeader("Set-Cookie");
        assertThat(setCookie).contains("quarkus-credential=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        String cookie = login.getCookie("quarkus-credential");

        given().cookie("quarkus-credential", cookie).when().get("/api/me").then()
                .statusCode(200).body("username", equalTo("t-researcher"));

        Response logout = given().cookie("quarkus-credential", cookie).when().post("/api/auth/logout");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.getDetailedCookie("quarkus-credential").getMaxAge()).isZero();
    }

    @Test
    void wrongPasswordGetsA401AndNoCookie() {
        Response login = given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "t-researcher").formParam("j_password", "wrong-password-1")
                .when().post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.getCookie("quarkus-credential")).isNull();
    }

    @Test
    void recordsTheSignInTime() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "t-auditor").formParam("j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(200);
        assertThat(users.find("t-auditor").orElseThrow().getLastLoginAt()).isNotNull();
    }

    @Test
    void storesOnlyABcryptHash() {
        String hash = users.find("t-auditor").orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("$2").doesNotContain(TestUsers.PASSWORD);
    }
}
