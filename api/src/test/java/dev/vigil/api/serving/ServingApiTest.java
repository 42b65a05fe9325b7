package dev.vigil.api.serving;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.run.RunService;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Safety reports and promotions through the REST API. */
@QuarkusTest
class ServingApiTest extends WithTestUsers {

    @Inject
    RunService runs;

    @Inject
    ServingService serving;

    @Test
    void computesASafetyReportAndKeepsItForAuditors() {
        String run = BedsideFixture.servedRun();
        JsonPath report = as(Roles.RESEARCHER).when().post("/api/runs/" + run + "/safety-report").then()
                .statusCode(201)
                .body("runId", equalTo(run))
                .body("createdBy", equalTo("t-researcher"))
                .body("ruleSetVersion", containsString("sepsis-bedside@1.0.0 sha256:"))
                .body("summary.rules.size()", equalTo(6))
                .body("summary.rules.ruleId", hasItem("sepsis.map-low"))
                .extract().jsonPath();
        assertThat(report.getString("verdict")).isIn("PASS", "REVIEW");
        assertThat(report.getDouble("summary.policyOodRate")).isBetween(0.0, 1.0);
        assertThat(report.getInt("summary.episodes")).isEqualTo(40);
        // The logged actions are the guardian's own training points: about its 5th percentile are outside.
        assertThat(report.getDouble("summary.clinicianOodRate")).isBetween(0.0, 0.10);

        as(Roles.AUDITOR).when().get("/api/runs/" + run + "/safety-report").then().statusCode(200)
                .body("id", hasItem(report.getString("id")));
        as(Roles.AUDITOR).when().post("/api/runs/" + run + "/safety-report").then().statusCode(403);
        as(Roles.CLINICIAN).when().post("/api/runs/" + run + "/safety-report").then().statusCode(403);
        as(Roles.RESEARCHER).when().post("/api/runs/no-such-run/safety-report").then().statusCode(404)
                .body("detail", containsString("no-such-run"));
    }

    @Test
    void promotesRecordsWhoWhyAndWhatItReplacedAndServesFromMemory() {
        String run = BedsideFixture.servedRun();
        String useCase = "sepsis-promotion-test";
        String body = "{\"run\":\"" + run + "\",\"reason\":\"first version\"}";
        String first = as(Roles.RESEARCHER).contentType("application/json").body(body)
                .when().post("/api/serving/" + useCase + "/promotions").then().statusCode(201)
                .body("runId", equalTo(run))
                .body("previousRunId", nullValue())
                .body("promotedBy", equalTo("t-researcher"))
                .body("reason", equalTo("first version"))
                .extract().path("id");
        as(Roles.ADMIN).contentType("application/json")
                .body("{\"run\":\"" + run.substring(0, 8) + "\",\"reason\":\"re-promoted after review\"}")
                .when().post("/api/serving/" + useCase + "/promotions").then().statusCode(201)
                .body("previousRunId", equalTo(run))
                .body("promotedBy", equalTo("t-admin"));

        as(Roles.AUDITOR).when().get("/api/serving/" + useCase + "/promotions").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].reason", equalTo("re-promoted after review"))
                .body("[1].id", equalTo(first));
        as(Roles.CLINICIAN).when().get("/api/serving").then().statusCode(200)
                .body("find { it.useCase == '" + useCase + "' }.runId", equalTo(run));

        ServedModel model = serving.active(useCase);
        assertThat(model.runId()).isEqualTo(run);
        assertThat(serving.active(useCase)).isSameAs(model);
        assertThat(model.policy().featureNames()).contains("heart_rate", "map", "spo2");
    }

    @Test
    void refusesPromotionWithoutASafetyReportAndToTheWrongRoles() {
        String datasetRun = BedsideFixture.servedRun();
        TrainingRun unreported = runs.start("bc", runs.find(datasetRun).orElseThrow().getDatasetId(), "{}", 1,
                "t-researcher");
        runs.succeeded(unreported.getId(), "{\"policy\":true}".getBytes(StandardCharsets.UTF_8), "no report");
        String body = "{\"run\":\"" + unreported.getId() + "\",\"reason\":\"try\"}";

        as(Roles.RESEARCHER).contentType("application/json").body(body)
                .when().post("/api/serving/sepsis-treatment/promotions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("has no safety report"))
                .body("detail", containsString(unreported.getId()));
        assertThat(serving.active(ServingService.SEPSIS).runId()).isEqualTo(datasetRun);

        as(Roles.AUDITOR).contentType("application/json").body(body)
                .when().post("/api/serving/sepsis-treatment/promotions").then().statusCode(403);
        as(Roles.CLINICIAN).contentType("application/json").body(body)
                .when().post("/api/serving/sepsis-treatment/promotions").then().statusCode(403);
        as(Roles.RESEARCHER).contentType("application/json").body("{\"run\":\"" + datasetRun + "\"}")
                .when().post("/api/serving/sepsis-treatment/promotions").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(Roles.RESEARCHER).contentType("application/json").body("{\"run\":\"" + datasetRun + "\",\"reason\":\"x\"}")
                .when().post("/api/serving/Bad Case!/promotions").then().statusCode(400)
                .body("detail", containsString("not allowed"));
    }
}
