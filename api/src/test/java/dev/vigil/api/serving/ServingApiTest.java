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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Promotions through the REST API, gated by the safety-constraint report. */
@QuarkusTest
class ServingApiTest extends WithTestUsers {

    @Inject
    RunService runs;

    @Inject
    ServingService serving;

    @Test
    void aPromotionNamesTheSafetyConstraintReportItReliedOn() {
        String run = BedsideFixture.servedRun();
        // The fixture's report is the full safety-constraint report, listed for auditors with the run's others.
        String reportId = as(Roles.AUDITOR).when().get("/api/runs/" + run + "/reports").then().statusCode(200)
                .body("find { it.kind == 'safety' }.ruleSetId", equalTo("sepsis-bedside"))
                .extract().path("find { it.kind == 'safety' }.id");
        as(Roles.AUDITOR).when().get("/api/serving/" + ServingService.SEPSIS + "/promotions").then().statusCode(200)
                .body("find { it.runId == '" + run + "' }.safetyReportId", equalTo(reportId));

        // A newer report is the one the next promotion relies on.
        String newer = as(Roles.RESEARCHER).contentType("application/json").body("{}")
                .when().post("/api/runs/" + run + "/reports/safety").then().statusCode(201)
                .extract().path("id");
        as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"run\":\"" + run + "\",\"reason\":\"after the new report\"}")
                .when().post("/api/serving/sepsis-report-test/promotions").then().statusCode(201)
                .body("safetyReportId", equalTo(newer));
        // The basic report of the bedside work is gone: there is one safety report, the full one.
        as(Roles.RESEARCHER).when().post("/api/runs/" + run + "/safety-report").then().statusCode(404);
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
                .body("detail", containsString("./vigil safety-report --run " + unreported.getId() + " --out DIR"))
                .body("detail", containsString("POST /api/runs/" + unreported.getId() + "/reports/safety"));
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
