package dev.vigil.api.tace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The TACE path on the command line: synth hcc -> ingest -> worldmodel train -> plan, on a tiny cohort. */
@QuarkusMainTest
class PlanCommandTest {

    private static final Pattern DATASET = Pattern.compile("Dataset ([0-9a-f]{64})");
    private static final Pattern MODEL = Pattern.compile("world-model-id: ([0-9a-f]{64})");

    @Test
    void synthIngestTrainAndPlanATinyCohort(QuarkusMainLauncher launcher) throws Exception {
        Path root = Files.createTempDirectory("tace-cli-");
        Path cohort = root.resolve("cohort");
        LaunchResult synth = launcher.launch("synth", "hcc", "--patients", "" + TaceFixture.PATIENTS, "--seed",
                "" + TaceFixture.SEED, "--size", "" + TaceFixture.SIZE, "--out", cohort.toString());
        assertThat(synth.exitCode()).as(synth.getErrorOutput()).isZero();
        assertThat(synth.getOutput()).contains("Wrote " + TaceFixture.PATIENTS + " HCC patients (16^3 crops)")
                .contains("Procedure").contains("Most common given protocol")
                .contains("./vigil ingest " + cohort.resolve("fhir"));
        assertThat(cohort.resolve("ground-truth.json")).isRegularFile();

        LaunchResult ingested = launcher.launch("ingest", cohort.resolve("fhir").toString(), "--cohort", "hcc-tace",
                "--name", "hcc-cli");
        assertThat(ingested.exitCode()).as(ingested.getErrorOutput()).isZero();
        String dataset = find(DATASET, ingested.getOutput());

        Path bundle = root.resolve("bundle");
        LaunchResult trained = launcher.launch("worldmodel", "train", "--dataset", dataset.substring(0, 10),
                "--out", bundle.toString(), "--seed", "" + TaceFixture.SEED, "--epochs", "" + TaceFixture.EPOCHS);
        assertThat(trained.exitCode()).as(trained.getErrorOutput()).isZero();
        String model = find(MODEL, trained.getOutput());
        assertThat(bundle.resolve("manifest.json")).isRegularFile();
        assertThat(bundle.resolve("dynamics.onnx")).isRegularFile();
        // The served copy lives under the data directory, named by the bundle id.
        assertThat(Path.of("target/test-data/world-models", model, "manifest.json")).isRegularFile();

        JsonNode truth = new ObjectMapper().readTree(cohort.resolve("ground-truth.json").toFile());
        String patient = truth.get("patients").get(0).get("patientId").asText();
        Path out = root.resolve("plan");
        LaunchResult planned = launcher.launch("plan", "--patient", patient, "--k", "2", "--seed", "5",
                "--provider", "cpu", "--out", out.toString(), "--top", "2");
        assertThat(planned.exitCode()).as(planned.getErrorOutput()).isZero();
        String text = planned.getOutput();
        assertThat(text).contains("Patient " + patient).contains("world model " + model.substring(0, 12))
                .contains("provider CPU").contains("K = 2");
        assertThat(text).containsPattern("(?m)^\\s+1[* ] \\S.* \\d+\\.\\d{3} \\[\\d+\\.\\d{3}, \\d+\\.\\d{3}\\]");

        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("patientId").asText()).isEqualTo(patient);
        assertThat(plan.get("worldModelId").asText()).isEqualTo(model);
        assertThat(plan.get("executionProvider").asText()).isEqualTo("CPU");
        JsonNode plans = plan.get("plans");
        assertThat(plans.size()).isGreaterThan(10);
        for (int i = 1; i < plans.size(); i++) {
            assertThat(plans.get(i).get("risk").asDouble()).isGreaterThanOrEqualTo(plans.get(i - 1).get("risk")
                    .asDouble());
            assertThat(plans.get(i).get("riskLow").asDouble()).isLessThanOrEqualTo(plans.get(i).get("risk").asDouble());
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")))
                    .hasSize(4).anyMatch(n -> n.startsWith("rank1-pre-z")).anyMatch(n -> n.startsWith("rank2-post-z"));
        }
        byte[] png = Files.readAllBytes(Files.list(out).filter(p -> p.toString().endsWith(".png")).findFirst()
                .orElseThrow());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        // The same seed gives the same ranking.
        LaunchResult again = launcher.launch("plan", "--patient", patient, "--k", "2", "--seed", "5",
                "--provider", "cpu");
        assertThat(again.exitCode()).isZero();
        assertThat(rankLines(again.getOutput())).isEqualTo(rankLines(text));
    }

    @Test
    void unknownPatientsAndMissingModelsAreClearErrors(QuarkusMainLauncher launcher) {
        LaunchResult unknown = launcher.launch("plan", "--patient", "no-such-patient");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).containsAnyOf("No world model has been trained yet",
                "Patient 'no-such-patient' is not in dataset");

        LaunchResult badDataset = launcher.launch("worldmodel", "train", "--dataset", "ffffff", "--out", "x");
        assertThat(badDataset.exitCode()).isEqualTo(2);
        assertThat(badDataset.getErrorOutput()).contains("No dataset id starts with ffffff");

        // A scorer spec that cannot be fitted stops before the dataset is even looked up.
        LaunchResult badScorer = launcher.launch("worldmodel", "train", "--dataset", "ffffff", "--out", "x",
                "--scorer", "measured:intensity@epirubicin=0.1");
        assertThat(badScorer.exitCode()).isEqualTo(2);
        assertThat(badScorer.getErrorOutput()).contains("Epirubicin").contains("embolic agent beyond Lipiodol")
                .doesNotContain("No dataset id");

        LaunchResult badSize = launcher.launch("synth", "hcc", "--patients", "2", "--seed", "1", "--size", "8",
                "--out", "target/never");
        assertThat(badSize.exitCode()).isEqualTo(2);
        assertThat(badSize.getErrorOutput()).contains("cropSize must be 16..256");
    }

    private static String rankLines(String output) {
        return output.lines().filter(l -> l.matches("^\\s+\\d+[* ] .*")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
