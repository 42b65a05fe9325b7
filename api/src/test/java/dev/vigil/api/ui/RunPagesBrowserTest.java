package dev.vigil.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.TestUsers;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.run.RunService;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.api.security.Roles;
import dev.vigil.ingestion.dataset.CsvImportOptions;
import dev.vigil.ingestion.dataset.DatasetCsvReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A researcher finds a run in the registry and reads its provenance and learning curves. */
@QuarkusTest
class RunPagesBrowserTest extends BrowserTestBase {

    @Inject
    RunService runs;

    @Inject
    DatasetService datasets;

    @Test
    void showsARunWithItsCurves() throws Exception {
        var imported = DatasetCsvReader.read(new StringReader("""
                episode,step,state,action,reward,done
                0,0,0,1,0,0
                0,1,1,0,1,1
                """), "ui-runs.csv", CsvImportOptions.tabular(2, 2, "ui-runs"));
        String datasetId = datasets.register(imported.dataset(), null, "csv:ui-runs.csv", "t").getId();
        TrainingRun run = runs.start("ogsrl", datasetId, "{\"seed\":3}", 3, "t-researcher");
        for (int i = 0; i < 20; i++) {
            runs.recordMetrics(run.getId(), i, Map.of("return", -1.0 + i * 0.1, "cost", 2.0 / (i + 1)));
        }
        runs.succeeded(run.getId(), "{}".getBytes(StandardCharsets.UTF_8), "ui policy");

        signIn(TestUsers.BY_ROLE.get(Roles.RESEARCHER), TestUsers.PASSWORD);
        browser.open(base + "#/research/runs");
        browser.waitFor("[data-testid=runs-table] tr[data-run-id='" + run.getId() + "']");
        browser.driver().findElement(By.cssSelector("tr[data-run-id='" + run.getId() + "'] [data-testid=run-id] a"))
                .click();
        browser.waitFor("[data-testid=page-run]");
        assertThat(browser.waitFor("[data-testid=run-algorithm]").getText()).contains("ogsrl");
        assertThat(browser.waitFor("[data-testid=run-config]").getText()).contains("\"seed\"");
        browser.waitFor("figure[data-testid=run-curve][data-metric=return] svg");
        browser.waitFor("figure[data-testid=run-curve][data-metric=cost] svg");
        browser.screenshot("research-run");
        signOut();
    }
}
