package dev.vigil.api.serving;

import dev.vigil.api.ingestion.IngestionRunner;
import dev.vigil.api.ingestion.SourceSpec;
import dev.vigil.api.report.RunReportService;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.api.run.TrainingService;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.safety.constraint.SafetyThresholds;
import io.quarkus.arc.Arc;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The served policy of the bedside tests, made once per JVM through the real services: a synthetic icu-sepsis
 * cohort of 40 patients, ingested, an {@code ogsrl} run on it (seed 2), its safety-constraint report, and its promotion to
 * {@code sepsis-treatment}.
 */
public final class BedsideFixture {

    public static final String USER = "t-researcher";
    private static String runId;

    private BedsideFixture() {
    }

    /** The id of the run serving {@code sepsis-treatment}; makes it the first time. */
    public static synchronized String servedRun() {
        ServingService serving = Arc.container().instance(ServingService.class).get();
        if (runId != null) {
            serving.active(ServingService.SEPSIS);
            return runId;
        }
        try {
            Path folder = Path.of("target", "test-cohorts", "bedside-40-9");
            if (!Files.exists(folder.resolve("Patient.ndjson"))) {
                new SepsisCohortGenerator(1).generate(SepsisCohortConfig.of(40, 9), folder);
            }
            IngestionRunner ingestion = Arc.container().instance(IngestionRunner.class).get();
            String dataset = ingestion.run(new SourceSpec.BulkFolder(folder), CohortSpecs.shipped("icu-sepsis"),
                    "bedside-40", USER, IngestionListener.NONE).dataset().getId();
            TrainingService training = Arc.container().instance(TrainingService.class).get();
            TrainingRun run = training.train(training.prepare("ogsrl", dataset, null, "defaults", 2), USER,
                    TrainingListener.NONE);
            Arc.container().instance(RunReportService.class).get().safety(run.getId(), "sepsis-bedside", null, null,
                    SafetyThresholds.defaults(), USER);
            serving.promote(ServingService.SEPSIS, run.getId(), "bedside test fixture", USER);
            runId = run.getId();
            return runId;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
