package dev.vigil.api.security;

import static dev.vigil.api.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.vigil.api.TestUsers;
import dev.vigil.api.WithTestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class RoleAccessTest extends WithTestUsers {

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/system/info", "/api/admin/users",
        "/api/artifacts/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "/api/serving", "/api/serving/sepsis-treatment/promotions", "/api/runs/some-run/reports",
        "/api/patients/some-patient/recommendation", "/api/audit/verification", "/api/audit/entries",
        "/api/audit/entries/1/report", "/api/tace/patients", "/api/tace/world-model", "/api/patients",
        "/api/patients/some-patient"})
    void refusesAnonymousCallsWith401ProblemDetails(String path) {
        given().when().get(path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401))
                .body("detail", containsString("Sign in first"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/recommendations", "/api/recommendations/1/feedback",
        "/api/runs/some-run/reports/safety", "/api/serving/sepsis-treatment/promotions"})
    void refusesAnonymousPostsWith401ProblemDetails(String path) {
        given().contentType("application/json").body("{}").when().post(path).then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    /**
     * The CDS Hooks paths are the one exemption from user roles: their callers are EHRs, authenticated by a signed
     * JWT that the endpoints verify themselves (CdsJwtVerifier; CdsHooksTest covers every refusal). Without a JWT
     * they answer 401 with a FHIR OperationOutcome and a Bearer challenge, not a Basic one; Vigil users' Basic
     * credentials do not open them. Discovery is public, as CDS clients expect.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/cds-services/vigil-sepsis-patient-view", "/cds-services/vigil-sepsis-order-select",
        "/cds-services/vigil-sepsis-patient-view/feedback"})
    void cdsHooksPathsNeedACallerJwtNotAUser(String path) {
        given().contentType("application/json").body("{}").when().post(path).then()
                .statusCode(401)
                .contentType(containsString("application/fhir+json"))
                .header("WWW-Authenticate", "Bearer")
                .body("resourceType", equalTo("OperationOutcome"));
        TestUsers.as(Roles.ADMIN).contentType("application/json").body("{}").when().post(path).then()
                .statusCode(401);
        given().when().get("/cds-services").then().statusCode(200);
    }

    @Test
    void theWebUiGetsNoBasicChallengeThatWouldOpenABrowserDialog() {
        given().header("X-Requested-With", "XMLHttpRequest").when().get("/api/me").then()
                .statusCode(401)
                .header("WWW-Authenticate", (String) null);
    }

    @Test
    void wrongPasswordIs401() {
        given().auth().preemptive().basic("t-admin", "not-the-password").when().get("/api/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("Unknown user or wrong password"));
    }

    @Test
    void unknownUserIs401() {
        given().auth().preemptive().basic("nobody-here", TestUsers.PASSWORD).when().get("/api/me").then()
                .statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR})
    void onlyAdministratorsManageUsers(String role) {
        as(role).when().get("/api/admin/users").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Your roles do not allow this"));
        as(role).contentType("application/json")
                .body("{\"username\":\"x-" + role + "\",\"password\":\"long-enough-pass\",\"roles\":[\"admin\"]}")
                .when().post("/api/admin/users").then()
                .statusCode(403);
    }

    @Test
    void administratorsManageUsers() {
        as(Roles.ADMIN).when().get("/api/admin/users").then()
                .statusCode(200)
                .body("username", hasItems("t-admin", "t-clinician"));
    }

    @Test
    void clinicianCannotReadArtifacts() {
        as(Roles.CLINICIAN).when()
                .get("/api/artifacts/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    void everyRoleSeesItselfAndTheSystemInfo(String role) {
        as(role).when().get("/api/me").then()
                .statusCode(200)
                .body("username", equalTo(TestUsers.BY_ROLE.get(role)))
                .body("roles", equalTo(List.of(role)));
        as(role).when().get("/api/system/info").then()
                .statusCode(200)
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("databaseKind", equalTo("h2"));
    }

    @Test
    void aDisabledUsersSessionStopsAtTheNextRequest() {
        if (users.find("t-leaver").isEmpty()) {
            users.create("t-leaver", "Leaver", TestUsers.PASSWORD, List.of(Roles.CLINICIAN));
        }
        users.update("t-leaver", null, null, true);
        String cookie = given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "t-leaver").formParam("j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(200)
                .extract().cookie("quarkus-credential");
        given().cookie("quarkus-credential", cookie).when().get("/api/me").then().statusCode(200);

        users.update("t-leaver", null, null, false);

        given().cookie("quarkus-credential", cookie).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void aRoleChangeAppliesToAnOpenSession() {
        if (users.find("t-mover").isEmpty()) {
            users.create("t-mover", "Mover", TestUsers.PASSWORD, List.of(Roles.CLINICIAN));
        }
        users.update("t-mover", null, List.of(Roles.CLINICIAN), true);
        String cookie = given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "t-mover").formParam("j_password", TestUsers.PASSWORD)
                .when().post("/j_security_check").then().statusCode(200)
                .extract().cookie("quarkus-credential");
        given().cookie("quarkus-credential", cookie).when().get("/api/admin/users").then().statusCode(403);

        users.update("t-mover", null, List.of(Roles.ADMIN), null);

        given().cookie("quarkus-credential", cookie).when().get("/api/admin/users").then().statusCode(200);
    }
}
