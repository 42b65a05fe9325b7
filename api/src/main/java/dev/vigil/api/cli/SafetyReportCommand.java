package dev.vigil.api.cli;

import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.api.report.RunReport;
import dev.vigil.api.report.RunReportService;
import dev.vigil.safety.constraint.SafetyThresholds;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a run's safety-constraint report as JSON, HTML and PDF. */
@Dependent
@Unremovable
@Command(name = "safety-report", mixinStandardHelpOptions = true,
        description = {"Safety-constraint report of a run's policy on its dataset (docs/safety-report.md):",
            "per-rule violation rates and costs next to the clinicians', costs against the budget,",
            "out-of-support rate with the guardian's calibration, worst episodes and a verdict.",
            "Writes report.json, report.html and report.pdf to --out and stores them as artifacts."})
public class SafetyReportCommand implements Callable<Integer> {

    @Inject
    RunReportService reports;

    @Inject
    ArtifactService artifacts;

    @Option(names = "--run", required = true, description = "Run id or a unique prefix (6+ characters).")
    String run;

    @Option(names = "--out", required = true, description = "Folder to write report.json, report.html, report.pdf.")
    Path out;

    @Option(names = "--rule-set", defaultValue = "sepsis-bedside", description = "Rule set id (default ${DEFAULT-VALUE}).")
    String ruleSet;

    @Option(names = "--rule-set-version", description = "Registered version (default: the newest).")
    String ruleSetVersion;

    @Option(names = "--budget", description = "Per-episode cost budget (default: the run's costBudget).")
    Double budget;

    @Option(names = "--max-normalised-cost", defaultValue = "1.0") double maxNormalisedCost;

    @Option(names = "--max-ood-rate", defaultValue = "0.05") double maxOodRate;

    @Option(names = "--max-rule-excess", defaultValue = "0.02",
            description = "Allowed excess of a rule's violation rate over the clinicians' (absolute).")
    double maxRuleExcess;

    @Option(names = "--min-coverage", defaultValue = "0.9") double minCoverage;

    @Override
    public Integer call() throws Exception {
        SafetyThresholds thresholds = new SafetyThresholds(maxNormalisedCost, maxOodRate, maxRuleExcess, minCoverage);
        RunReport report = reports.safety(run, ruleSet, ruleSetVersion, budget, thresholds,
                System.getProperty("user.name", "cli"));
        Files.createDirectories(out);
        copy(report.getJsonSha256(), out.resolve("report.json"));
        copy(report.getHtmlSha256(), out.resolve("report.html"));
        copy(report.getPdfSha256(), out.resolve("report.pdf"));
        System.out.println(report.getVerdict() + " under " + report.getRuleSetId() + " " + report.getRuleSetVersion());
        System.out.println("  " + report.getSummary());
        System.out.println("Wrote " + out.resolve("report.json") + ", report.html and report.pdf");
        System.out.println("report-id: " + report.getId());
        return "PASS".equals(report.getVerdict()) ? 0 : 3;
    }

    private void copy(String sha256, Path target) throws java.io.IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".report", ".tmp");
        try (InputStream in = artifacts.open(sha256)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
