package dev.vigil.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The tabular research path end to end: import a CSV, train OGSRL, export the policy, evaluate it offline. */
@QuarkusMainTest
class TrainCommandTest {

    private static final Pattern DATASET = Pattern.compile("Dataset ([0-9a-f]{64})");
    private static final Pattern RUN = Pattern.compile("run-id: ([0-9a-f-]{36})");

    @Test
    void importTrainExportAndEvaluateATabularDataset(QuarkusMainLauncher launcher) throws Exception {
        Path csv = Files.createTempFile("mdp-", ".csv");
        StringBuilder rows = new StringBuilder("episode,step,state,action,reward,done\n");
        // 40 episodes of two steps: action 1 in state 0 leads to state 1, which pays 1.
        for (int e = 0; e < 40; e++) {
            int action = e % 4 == 0 ? 0 : 1;
            int next = action == 1 ? 1 : 0;
            rows.append(e).append(",0,0,").append(action).append(",0,0\n");
            rows.append(e).append(",1,").append(next).append(",").append(e % 2).append(",").append(next)
                    .append(",1\n");
        }
        Files.writeString(csv, rows);
        LaunchResult imported = launcher.launch("import", "--format", "csv", "--state-type", "discrete",
                "--action-type", "discrete", "--name", "e2e-mdp", csv.toString());
        assertThat(imported.exitCode()).as(imported.getErrorOutput()).isZero();
        String dataset = find(DATASET, imported.getOutput());

        LaunchResult trained = launcher.launch("train", "--algo", "ogsrl", "--dataset", dataset.substring(0, 12),
                "--seed", "7");
        assertThat(trained.exitCode()).as(trained.getErrorOutput()).isZero();
        String run = find(RUN, trained.getOutput());
        assertThat(trained.getOutput()).contains("succeeded: ogsrl");

        Path out = Files.createTempDirectory("policy-").resolve("policy.csv");
        LaunchResult exported = launcher.launch("export-policy", "--run", run, "--out", out.toString());
        assertThat(exported.exitCode()).as(exported.getErrorOutput()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("state,a0,a1");
        assertThat(lines).hasSize(3);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(Double.parseDouble(cells[1]) + Double.parseDouble(cells[2])).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-9));
        }

        LaunchResult evaluated = launcher.launch("evaluate", "--run", run.substring(0, 8), "--bootstrap", "50");
        assertThat(evaluated.exitCode()).as(evaluated.getErrorOutput()).isZero();
        var report = SurvivalCommandTest.json(evaluated.getOutput());
        assertThat(report.at("/format").asText()).isEqualTo("vigil-evaluation-report");
        assertThat(report.at("/run/algorithm").asText()).isEqualTo("ogsrl");
        assertThat(report.at("/checkpoint/selection").asText()).isEqualTo("last");
        assertThat(report.at("/ope/policy").findValuesAsText("estimator")).contains("WIS", "FQE", "WDR");
        assertThat(evaluated.getErrorOutput()).contains("report-id: ");

        LaunchResult sameSeed = launcher.launch("train", "--algo", "ogsrl", "--dataset", dataset, "--seed", "7");
        String again = find(RUN, sameSeed.getOutput());
        Path second = out.resolveSibling("again.csv");
        launcher.launch("export-policy", "--run", again, "--out", second.toString());
        assertThat(Files.readAllLines(second)).isEqualTo(lines);
    }

    @Test
    void ogsrlTrainsOnAnIngestedIcuCohortAndExportsItsDiscretisation(QuarkusMainLauncher launcher) throws Exception {
        Path cohort = Files.createTempDirectory("icu-").resolve("cohort");
        assertThat(launcher.launch("synth", "sepsis", "--patients", "40", "--seed", "9", "--out", cohort.toString())
                .exitCode()).isZero();
        LaunchResult ingested = launcher.launch("ingest", cohort.toString(), "--cohort", "icu-sepsis", "--name", "icu40");
        assertThat(ingested.exitCode()).as(ingested.getErrorOutput()).isZero();
        String dataset = find(DATASET, ingested.getOutput());

        LaunchResult trained = launcher.launch("train", "--algo", "ogsrl", "--dataset", dataset, "--seed", "2");
        assertThat(trained.exitCode()).as(trained.getErrorOutput()).isZero();
        String run = find(RUN, trained.getOutput());

        Path out = cohort.resolveSibling("policy.json");
        assertThat(launcher.launch("export-policy", "--run", run, "--out", out.toString()).exitCode()).isZero();
        String json = Files.readString(out);
        assertThat(json).contains("\"clusters\"").contains("\"iv_fluid\"").contains("\"vasopressor\"")
                .contains("sepsis-bedside");

        LaunchResult evaluated = launcher.launch("evaluate", "--run", run, "--bootstrap", "50");
        assertThat(evaluated.exitCode()).as(evaluated.getErrorOutput()).isZero();
        var report = SurvivalCommandTest.json(evaluated.getOutput());
        assertThat(report.at("/ope/onDiscretisedData").asBoolean()).isTrue();
        assertThat(report.at("/ope/clinicians").findValuesAsText("estimator")).contains("WDR");
        assertThat(report.at("/actions").isMissingNode()).isFalse();

        Path reportDir = cohort.resolveSibling("safety");
        LaunchResult reported = launcher.launch("safety-report", "--run", run, "--out", reportDir.toString());
        // Exit 0 on PASS, 3 on FAIL: either way the three files are written and the verdict is printed.
        assertThat(reported.exitCode()).as(reported.getErrorOutput()).isIn(0, 3);
        assertThat(reported.getOutput()).containsPattern("(PASS|FAIL) under sepsis-bedside [0-9]+\\.[0-9]+\\.[0-9]+")
                .contains("normalised cost");
        assertThat(Files.readString(reportDir.resolve("report.json")))
                .contains("\"format\" : \"vigil-safety-constraint-report\"").contains(run)
                .contains("sepsis.spo2-low");
        assertThat(Files.readString(reportDir.resolve("report.html"))).contains("data:image/png;base64,");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(reportDir.resolve("report.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Worst episodes")
                    .contains(run);
        }
    }

    @Test
    void badInputStopsBeforeTrainingWithAClearMessage(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult unknown = launcher.launch("train", "--algo", "sac", "--dataset", "abcdef", "--seed", "1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("Unknown algorithm 'sac'").contains("ogsrl");

        Path config = Files.createTempFile("cfg-", ".yaml");
        Files.writeString(config, "algorithm: ogsrl\nconfig:\n  costBudget: -1\n");
        LaunchResult negative = launcher.launch("train", "--algo", "ogsrl", "--dataset", "abcdef", "--config",
                config.toString(), "--seed", "1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.getErrorOutput()).contains("costBudget");

        Files.writeString(config, "algorithm: ogsrl\nconfig:\n  colour: blue\n");
        LaunchResult field = launcher.launch("train", "--algo", "ogsrl", "--dataset", "abcdef", "--config",
                config.toString(), "--seed", "1");
        assertThat(field.exitCode()).isEqualTo(2);
        assertThat(field.getErrorOutput()).contains("colour");

        LaunchResult noData = launcher.launch("train", "--algo", "bc", "--dataset", "ffffff", "--seed", "1");
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.getErrorOutput()).contains("No dataset id starts with ffffff");

        LaunchResult missing = launcher.launch("train", "--algo", "bc");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getErrorOutput()).contains("--dataset, --seed").contains("--resume RUN");
        LaunchResult mixed = launcher.launch("train", "--resume", "abcdef", "--seed", "1");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.getErrorOutput()).contains("give none of --algo");
        LaunchResult noRun = launcher.launch("train", "--resume", "ffffff");
        assertThat(noRun.exitCode()).isEqualTo(2);
        assertThat(noRun.getErrorOutput()).contains("No run id starts with ffffff");
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
