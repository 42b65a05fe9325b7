package dev.vigil.api.cli;

import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.api.report.RunReport;
import dev.vigil.api.report.RunReportService;
import dev.vigil.offlinerl.report.CheckpointSelection;
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

/** The evaluation report of a run: printed as JSON, stored with the run, optionally written to a folder. */
@Dependent
@Unremovable
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a run's policy offline on its dataset (docs/evaluation-report.md): learning",
            "curves, WIS, WPDIS, FQE and weighted DR with bootstrap intervals and ESS for the policy and the",
            "clinicians, reward versus cost, out-of-support rates, action heat maps and outcome versus dose",
            "excess. Prints the report as JSON, records it with the run (see it in the UI) and, with --out,",
            "writes evaluation.json and evaluation.html there."})
public class EvaluateCommand implements Callable<Integer> {

    @Inject
    RunReportService reports;

    @Inject
    ArtifactService artifacts;

    @Option(names = "--run", required = true, description = "Run id or a unique prefix (6+ characters).")
    String run;

    @Option(names = "--checkpoint", defaultValue = "last",
            description = "Which checkpoint to show: last or best-by-ope-lower-bound (default ${DEFAULT-VALUE}).")
    String checkpoint;

    @Option(names = "--bootstrap", defaultValue = "500", description = "Bootstrap replicates.")
    int replicates;

    @Option(names = "--out", description = "Folder to write evaluation.json and evaluation.html to.")
    Path out;

    @Override
    public Integer call() throws Exception {
        CheckpointSelection selection = switch (checkpoint) {
            case "last" -> CheckpointSelection.LAST;
            case "best-by-ope-lower-bound", "best" -> CheckpointSelection.BEST_LOWER_BOUND;
            default -> throw new IllegalArgumentException("--checkpoint must be last or best-by-ope-lower-bound, got '"
                    + checkpoint + "'");
        };
        RunReport report = reports.evaluation(run, selection, replicates, System.getProperty("user.name", "cli"));
        try (InputStream json = artifacts.open(report.getJsonSha256())) {
            System.out.println(new String(json.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (out != null) {
            Files.createDirectories(out);
            copy(report.getJsonSha256(), out.resolve("evaluation.json"));
            copy(report.getHtmlSha256(), out.resolve("evaluation.html"));
            System.err.println("Wrote " + out.resolve("evaluation.json") + " and evaluation.html");
        }
        System.err.println("report-id: " + report.getId());
        return 0;
    }

    private void copy(String sha256, Path target) throws java.io.IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".report", ".tmp");
        try (InputStream in = artifacts.open(sha256)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
