package dev.vigil.api;

import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small synthetic ICU sepsis cohorts for API and browser tests, written once per JVM and folder. */
public final class SyntheticCohorts {

    private SyntheticCohorts() {
    }

    /** A Bulk NDJSON folder of {@code patients} patients from {@code seed}, with one malformed Observation line. */
    public static Path withOneBadLine(Path parent, int patients, long seed) {
        Path folder = parent.resolve("sepsis-" + patients + "-" + seed);
        try {
            if (!Files.exists(folder.resolve("Patient.ndjson"))) {
                new SepsisCohortGenerator(1).generate(SepsisCohortConfig.of(patients, seed), folder);
                Files.writeString(folder.resolve("Observation.ndjson"), "{\"resourceType\": \"Observation\", oops\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder's FHIR files (not the ground truth). */
    public static List<Path> ndjsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ndjson"))
                    .filter(p -> Character.isUpperCase(p.getFileName().toString().charAt(0)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
