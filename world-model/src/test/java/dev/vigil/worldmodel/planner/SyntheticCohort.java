package dev.vigil.worldmodel.planner;

import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IssueRecorder;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.worldmodel.synth.HccCohortConfig;
import dev.vigil.worldmodel.synth.HccCohortGenerator;
import java.io.IOException;
import java.nio.file.Path;

/** A small synthetic cohort generated and ingested with the real pipeline, for the planner tests. */
public record SyntheticCohort(Path dir, TrajectoryDataset data) {

    public static SyntheticCohort generate(Path dir, int patients, long seed, int crop) throws IOException {
        new HccCohortGenerator(new HccCohortConfig(patients, seed, crop, 0.2), 2).generate(dir);
        IssueRecorder issues = new IssueRecorder();
        TrajectoryDataset data = new IngestionPipeline(UnitConverter.load()).run(
                new BulkNdjsonSource(dir.resolve(HccCohortGenerator.FHIR_DIR)), CohortSpecs.shipped("hcc-tace"),
                issues, "hcc-test");
        if (!issues.issues().isEmpty()) {
            throw new IllegalStateException("ingestion issues: " + issues.issues());
        }
        return new SyntheticCohort(dir, data);
    }
}
