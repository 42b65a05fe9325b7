package dev.vigil.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.TestUsers;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.report.RunReportService;
import dev.vigil.api.report.SafetyReportGenerator;
import dev.vigil.api.security.Roles;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.safety.constraint.SafetyConstraintReportBuilder;
import dev.vigil.safety.constraint.SafetyThresholds;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
import dev.vigil.safety.guardian.Calibration;
import dev.vigil.safety.guardian.GuardVerdict;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A researcher generates an evaluation report from a run's page; an auditor reads a safety report. */
@QuarkusTest
class ReportsBrowserTest extends BrowserTestBase {

    @Inject
    DatasetService datasets;

    @Inject
    RunReportService reports;

    @Inject
    SafetyReportGenerator safety;

    private String trainedRun() throws Exception {
        return dev.vigil.api.TabularRuns.trainedBcRun(datasets, "ui-reports", 10, 4);
    }

    @Test
    void researcherGeneratesAnEvaluationReportFromTheRunPage() throws Exception {
        String runId = trainedRun();
        signIn(TestUsers.BY_ROLE.get(Roles.RESEARCHER), TestUsers.PASSWORD);
        browser.open(base + "#/research/runs/" + runId);
        browser.waitFor("[data-testid=reports-empty]");
        browser.waitFor("[data-testid=generate-evaluation-report]").click();
        var row = browser.waitFor("[data-testid=report-evaluation]");
        assertThat(row.getText()).contains("checkpoint last");
        assertThat(row.findElement(By.cssSelector("[data-testid=report-html-link]")).getAttribute("href"))
                .contains("/api/reports/").endsWith("/html");
        browser.screenshot("research-run-reports");
        signOut();
    }

    @Test
    void auditorReadsASafetyReportWithItsVerdictChartAndProvenance() throws Exception {
        String runId = trainedRun();
        DatasetSchema schema = new DatasetSchema("ui-safety", SpaceType.continuous(),
                List.of(new Variable("spo2", "%"), new Variable("map", "mm[Hg]"), new Variable("lactate", "mmol/L"),
                        new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"),
                        new Variable("vasopressor", "ug/kg/min")),
                false, false, "icu-sepsis", "1.0.0", Duration.ofHours(4));
        double[] safe = {97, 75, 1.5, 1000, 70};
        TrajectoryDataset data = new TrajectoryDataset(schema, List.of(
                new Episode("patient-a", new ContinuousStates(new double[][] {safe, safe}, new boolean[2][5]),
                        new ContinuousActions(new double[][] {{500, 0.1}, {2500, 0.1}}), null, null, null, null, null)));
        var report = new SafetyConstraintReportBuilder(CostModel.compile(RuleSets.sepsisBedside(), schema),
                new CostBudget(0.5), SafetyThresholds.defaults())
                .guardian((s, a) -> GuardVerdict.of(a[1] > 0.5 ? 0 : 1, 0.5), new Calibration(0.95, 0.95, 100, 0.5))
                .build(data, (e, t) -> new double[] {500, 0.8}, "UI safety report",
                        Map.of("Run", runId, "Data hash", data.contentHash()));
        reports.recordSafety(runId, safety.store(report, "ui test", "t-researcher"), "t-researcher");

        signIn(TestUsers.BY_ROLE.get(Roles.AUDITOR), TestUsers.PASSWORD);
        browser.open(base + "#/audit/safety-reports");
        browser.waitFor("[data-testid=safety-reports-table] tr[data-report-id]");
        browser.waitFor("[data-testid=safety-detail]");
        assertThat(browser.waitFor("[data-testid=safety-reasons]").getText())
                .contains("FAIL rule sepsis.vasopressor-high");
        browser.waitFor("[data-testid=safety-rule-chart] svg");
        assertThat(browser.waitFor("[data-testid=safety-provenance]").getText()).contains(data.contentHash())
                .contains("sepsis-bedside");
        assertThat(browser.waitFor("[data-testid=safety-worst]").getText()).contains("patient-a");
        browser.waitFor("[data-testid=report-pdf-link]");
        browser.screenshot("audit-safety-report");
        signOut();
    }
}
