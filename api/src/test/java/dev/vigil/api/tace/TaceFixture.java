package dev.vigil.api.tace;

import dev.vigil.api.ingestion.IngestionRunner;
import dev.vigil.api.ingestion.SourceSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.worldmodel.synth.HccCohortConfig;
import dev.vigil.worldmodel.synth.HccCohortGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny synthetic HCC cohort (16^3 crops), ingested and with a world model trained on it by the real services,
 * once per test JVM: the in-memory database and target/test-data outlive one Quarkus application, so the REST
 * and browser tests share the bundle.
 */
public final class TaceFixture {

    public static final int PATIENTS = 14;
    public static final long SEED = 11;
    public static final int SIZE = 16;
    public static final int EPOCHS = 2;
    static final Path COHORT = Path.of("target/test-data/tace-fixture/cohort");

    private static WorldModelRecord model;

    private TaceFixture() {
    }

    /** The world model of the fixture cohort, trained on first use. */
    public static synchronized WorldModelRecord worldModel(IngestionRunner ingestion, WorldModelTraining training,
            WorldModelRegistry registry) {
        if (model != null && registry.list().stream().anyMatch(r -> r.getId().equals(model.getId()))) {
            return model;
        }
        try {
            if (!Files.exists(COHORT.resolve(HccCohortGenerator.GROUND_TRUTH))) {
                new HccCohortGenerator(new HccCohortConfig(PATIENTS, SEED, SIZE, 0.2), 2).generate(COHORT);
            }
            var dataset = ingestion.run(new SourceSpec.BulkFolder(COHORT.resolve("fhir")), CohortSpecs.shipped(
                    "hcc-tace"), "hcc-fixture", "test", IngestionListener.NONE).dataset();
            model = training.train(dataset.getId(), COHORT, SEED, EPOCHS, "test", line -> { }).record();
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
