package dev.vigil.api.report;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Evaluation reports generated and read over HTTP; who may do what. */
@QuarkusTest
class RunReportApiTest extends WithTestUsers {

    @Inject
    DatasetService datasets;

    private String trainedRun() throws Exception {
        return dev.vigil.api.TabularRuns.trainedBcRun(datasets, "reports", 12, 5);
    }

    @Test
    void researchersGenerateAndAuditorsReadEvaluationReports() throws Exception {
        String runId = trainedRun();
        String reportId = as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"selection\":\"last\",\"bootstrap\":50}")
                .when().post("/api/runs/" + runId + "/reports/evaluation").then().statusCode(201)
                .body("kind", equalTo("evaluation"))
                .body("summary", containsString("checkpoint last"))
                .extract().path("id");

        as(Roles.AUDITOR).when().get("/api/runs/" + runId + "/reports").then().statusCode(200)
                .body("id", hasItem(reportId));
        as(Roles.AUDITOR).when().get("/api/reports/" + reportId + "/json").then().statusCode(200)
                .body("format", equalTo("vigil-evaluation-report"))
                .body("run.algorithm", equalTo("bc"))
                .body("ope.policy.estimator", hasItem("WIS"));
        String html = as(Roles.RESEARCHER).when().get("/api/reports/" + reportId + "/html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertThat(html).contains("<html").contains("data:image/png;base64,");
        as(Roles.RESEARCHER).when().get("/api/reports/" + reportId + "/pdf").then().statusCode(404)
                .body("detail", containsString("no PDF"));
        as(Roles.AUDITOR).when().get("/api/reports?kind=evaluation").then().statusCode(200)
                .body("id", hasItem(reportId));
    }

    @Test
    void auditorsAndCliniciansCannotGenerateAndCliniciansCannotRead() throws Exception {
        String runId = trainedRun();
        as(Roles.AUDITOR).contentType("application/json").body("{}")
                .when().post("/api/runs/" + runId + "/reports/evaluation").then().statusCode(403);
        as(Roles.AUDITOR).contentType("application/json").body("{}")
                .when().post("/api/runs/" + runId + "/reports/safety").then().statusCode(403);
        as(Roles.CLINICIAN).when().get("/api/reports").then().statusCode(403);
        as(Roles.CLINICIAN).when().get("/api/runs/" + runId + "/reports").then().statusCode(403);
    }

    @Test
    void badRequestsGetClearProblems() throws Exception {
        String runId = trainedRun();
        as(Roles.RESEARCHER).contentType("application/json").body("{\"selection\":\"middle\"}")
                .when().post("/api/runs/" + runId + "/reports/evaluation").then().statusCode(400)
                .body("detail", containsString("best-by-ope-lower-bound"));
        // A safety-constraint report charges clinical doses: a tabular run has none.
        as(Roles.RESEARCHER).contentType("application/json").body("{}")
                .when().post("/api/runs/" + runId + "/reports/safety").then().statusCode(400)
                .body("detail", containsString("continuous clinical data"));
        as(Roles.RESEARCHER).contentType("application/json").body("{\"maxOodRate\":2}")
                .when().post("/api/runs/" + runId + "/reports/safety").then().statusCode(400)
                .body("detail", containsString("maxOodRate"));
        as(Roles.AUDITOR).when().get("/api/reports?kind=other").then().statusCode(400);
        as(Roles.AUDITOR).when().get("/api/reports/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }
}
