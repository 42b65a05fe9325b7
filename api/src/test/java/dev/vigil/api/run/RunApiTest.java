package dev.vigil.api.run;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.security.Roles;
import dev.vigil.common.Sha256;
import dev.vigil.ingestion.dataset.CsvImportOptions;
import dev.vigil.ingestion.dataset.DatasetCsvReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run registry through its service and its REST endpoints. */
@QuarkusTest
class RunApiTest extends WithTestUsers {

    @Inject
    RunService runs;

    @Inject
    DatasetService datasets;

    @Test
    void recordsARunWithItsCurvesAndPolicy() throws Exception {
        var imported = DatasetCsvReader.read(new StringReader("""
                episode,step,state,action,reward,done
                0,0,0,1,0,0
                0,1,1,0,1,1
                """), "runs.csv", CsvImportOptions.tabular(2, 2, "runs"));
        String datasetId = datasets.register(imported.dataset(), null, "csv:runs.csv", "t").getId();
        String config = "{\"seed\":7}";
        TrainingRun run = runs.start("bc", datasetId, config, 7, "t-researcher");
        runs.recordMetrics(run.getId(), 0, Map.of("loss", 1.5, "gap", Double.NaN));
        runs.recordMetrics(run.getId(), 1, Map.of("loss", 0.75));
        byte[] policy = "{\"policy\":true}".getBytes(StandardCharsets.UTF_8);
        runs.succeeded(run.getId(), policy, "test policy");

        as(Roles.RESEARCHER).when().get("/api/runs").then().statusCode(200).body("id", hasItem(run.getId()));
        as(Roles.AUDITOR).when().get("/api/runs/" + run.getId()).then().statusCode(200)
                .body("run.algorithm", equalTo("bc"))
                .body("run.state", equalTo("SUCCEEDED"))
                .body("run.configSha256", equalTo(Sha256.hex(config.getBytes(StandardCharsets.UTF_8))))
                .body("run.policySha256", equalTo(Sha256.hex(policy)))
                .body("configJson", equalTo(config));
        as(Roles.RESEARCHER).when().get("/api/runs/" + run.getId() + "/metrics").then().statusCode(200)
                .body("metrics.loss.iterations", equalTo(List.of(0, 1)))
                .body("metrics.loss.values", equalTo(List.of(1.5f, 0.75f)))
                .body("metrics.gap", equalTo(null));
        assertThat(runs.resolve(run.getId().substring(0, 8)).getId()).isEqualTo(run.getId());
    }

    @Test
    void trainsOverHttpInTheBackgroundAndRefusesBadRequests() throws Exception {
        var imported = DatasetCsvReader.read(new StringReader("""
                episode,step,state,action,reward,done
                0,0,0,1,0,0
                0,1,1,0,1,1
                1,0,0,0,0,0
                1,1,0,1,0,1
                """), "http.csv", CsvImportOptions.tabular(2, 2, "http"));
        String datasetId = datasets.register(imported.dataset(), null, "csv:http.csv", "t").getId();
        String runId = as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"algorithm\":\"bc\",\"dataset\":\"" + datasetId + "\",\"seed\":3,"
                        + "\"config\":{\"smoothing\":1}}")
                .when().post("/api/runs").then().statusCode(202).body("state", equalTo("RUNNING"))
                .extract().path("id");
        String state = "RUNNING";
        for (int i = 0; i < 100 && "RUNNING".equals(state); i++) {
            Thread.sleep(100);
            state = as(Roles.RESEARCHER).when().get("/api/runs/" + runId).then().extract().path("run.state");
        }
        assertThat(state).isEqualTo("SUCCEEDED");
        as(Roles.RESEARCHER).when().get("/api/runs/" + runId).then()
                .body("configJson", org.hamcrest.Matchers.containsString("\"smoothing\""));

        as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"algorithm\":\"sac\",\"dataset\":\"" + datasetId + "\",\"seed\":3}")
                .when().post("/api/runs").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("Unknown algorithm 'sac'"));
        as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"algorithm\":\"bc\",\"dataset\":\"" + datasetId + "\"}")
                .when().post("/api/runs").then().statusCode(400)
                .body("errors.field", hasItem("seed"));
        as(Roles.AUDITOR).contentType("application/json")
                .body("{\"algorithm\":\"bc\",\"dataset\":\"" + datasetId + "\",\"seed\":3}")
                .when().post("/api/runs").then().statusCode(403);
    }

    @Test
    void runsAreNotForClinicians() {
        as(Roles.CLINICIAN).when().get("/api/runs").then().statusCode(403);
        as(Roles.RESEARCHER).when().get("/api/runs/no-such-run").then().statusCode(404);
    }
}
