package dev.vigil.api;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.security.Roles;
import dev.vigil.ingestion.dataset.CsvImportOptions;
import dev.vigil.ingestion.dataset.DatasetCsvReader;
import java.io.StringReader;

/** A small tabular dataset registered and a {@code bc} run trained on it over HTTP, for tests that need a run. */
public final class TabularRuns {

    private TabularRuns() {
    }

    /** Registers {@code episodes} two-step episodes under {@code name}, trains {@code bc} and waits for it. */
    public static String trainedBcRun(DatasetService datasets, String name, int episodes, long seed) throws Exception {
        StringBuilder csv = new StringBuilder("episode,step,state,action,reward,done\n");
        for (int e = 0; e < episodes; e++) {
            csv.append(e).append(",0,0,").append(e % 2).append(",0,0\n");
            csv.append(e).append(",1,1,").append((e / 2) % 2).append(',').append(e % 3 == 0 ? 1 : 0).append(",1\n");
        }
        var imported = DatasetCsvReader.read(new StringReader(csv.toString()), name + ".csv",
                CsvImportOptions.tabular(2, 2, name));
        String datasetId = datasets.register(imported.dataset(), null, "csv:" + name + ".csv", "t").getId();
        String runId = as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"algorithm\":\"bc\",\"dataset\":\"" + datasetId + "\",\"seed\":" + seed + "}")
                .when().post("/api/runs").then().statusCode(202).extract().path("id");
        String state = "RUNNING";
        for (int i = 0; i < 200 && "RUNNING".equals(state); i++) {
            Thread.sleep(100);
            state = as(Roles.RESEARCHER).when().get("/api/runs/" + runId).then().extract().path("run.state");
        }
        assertThat(state).isEqualTo("SUCCEEDED");
        return runId;
    }
}
