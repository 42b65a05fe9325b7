package dev.vigil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application as a separate process, kills it with SIGKILL in the middle of an ingestion,
 * and checks that nothing half-written became visible, and that ingesting the same input again gives the
 * same dataset id (its content hash) as a clean run elsewhere.
 */
class KillNineIngestionIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern DATASET_LINE = Pattern.compile("Dataset ([0-9a-f]{64}) ");

    @TempDir
    static Path work;

    private static Path cohort;

    @BeforeAll
    static void writeCohort() throws IOException {
        assertThat(APP).as("the packaged application (mvn verify packages it before integration tests)").exists();
        cohort = work.resolve("cohort");
        new SepsisCohortGenerator().generate(SepsisCohortConfig.of(600, 11), cohort);
    }

    @Test
    void aKilledIngestionLeavesNoDatasetAndARerunGivesTheSameHash() throws Exception {
        Path dataDir = work.resolve("data-killed");
        Path progress = work.resolve("killed-stderr.txt");
        Process ingest = start(dataDir, progress, "ingest", cohort.toString(), "--cohort", "icu-sepsis", "--name",
                "killed");
        // Let it get into reading (the progress bar shows at least 5 %), then kill it without warning.
        awaitProgress(ingest, progress, 5);
        assertThat(ingest.isAlive()).as("the ingestion must still be running when it is killed").isTrue();
        ingest.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Output list = run(dataDir, "datasets", "list");
        assertThat(list.code()).isZero();
        assertThat(list.stdout()).contains("No datasets yet");
        assertThat(objects(dataDir)).as("no complete-looking partial artifact").allSatisfy(file ->
                assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}"));

        String afterKill = datasetId(run(dataDir, "ingest", cohort.toString(), "--cohort", "icu-sepsis", "--name", "x"));
        String clean = datasetId(run(work.resolve("data-clean"), "ingest", cohort.toString(), "--cohort", "icu-sepsis",
                "--name", "x"));
        assertThat(afterKill).isEqualTo(clean);
    }

    private static final Pattern PERCENT = Pattern.compile("Ingesting\\s+(\\d+)%");

    /** Waits until the progress bar on standard error reports at least {@code percent}. */
    private static void awaitProgress(Process process, Path stderr, int percent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(stderr)) {
                Matcher m = PERCENT.matcher(Files.readString(stderr, StandardCharsets.ISO_8859_1));
                int seen = -1;
                while (m.find()) {
                    seen = Integer.parseInt(m.group(1));
                }
                if (seen >= percent) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The ingestion never reported " + percent + " % progress: "
                + (Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.ISO_8859_1) : "no output"));
    }

    private static String datasetId(Output output) {
        assertThat(output.code()).as(output.stderr()).isZero();
        Matcher m = DATASET_LINE.matcher(output.stdout());
        assertThat(m.find()).as(output.stdout()).isTrue();
        return m.group(1);
    }

    private static List<Path> objects(Path dataDir) throws IOException {
        Path objects = dataDir.resolve("artifacts/objects");
        if (!Files.exists(objects)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private record Output(int code, String stdout, String stderr) {
    }

    private static Output run(Path dataDir, String... args) throws Exception {
        Path errors = Files.createTempFile(work, "stderr-", ".txt");
        Process process = start(dataDir, errors, args);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Output(process.exitValue(), stdout, Files.readString(errors));
    }

    /** Standard error goes to a file: a progress bar must never block on a full pipe. */
    private static Process start(Path dataDir, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dvigil.data-dir=" + dataDir.toAbsolutePath(), "-Dai.djl.offline=true", "-jar",
                APP.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DNNL_MAX_CPU_ISA", "SSE41");
        builder.redirectError(stderr.toFile());
        return builder.start();
    }
}
