package dev.vigil.api.ingestion;

import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.pipeline.NoEpisodeException;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IngestionReport;
import dev.vigil.ingestion.report.IngestionReportCollector;
import dev.vigil.ingestion.units.UnitConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Runs one ingestion from a source through a cohort specification and records the dataset with its report.
 * The CLI and the API's jobs share it. Nothing is recorded unless the whole run succeeds.
 */
@ApplicationScoped
public class IngestionRunner {

    @Inject
    DatasetService datasets;

    /** Shared by every run: the unit converter caches conversions. */
    private final IngestionPipeline pipeline = new IngestionPipeline(UnitConverter.load());

    /** The recorded dataset and the report of the run. */
    public record Result(DatasetRecord dataset, IngestionReport report) {
    }

    /**
     * @param progress hears progress and issues besides the report collector (e.g. a progress bar)
     * @throws IOException when the source as a whole cannot be read
     */
    public Result run(SourceSpec source, CohortSpec cohort, String name, String createdBy, IngestionListener progress)
            throws IOException {
        IngestionReportCollector collector = new IngestionReportCollector();
        IngestionListener both = new Tee(collector, progress);
        TrajectoryDataset dataset;
        try {
            dataset = pipeline.run(source.open(), cohort, both, name);
        } catch (NoEpisodeException e) {
            throw new IllegalArgumentException(e.getMessage() + ". Nothing was recorded.\n"
                    + collector.report().toText(), e);
        }
        IngestionReport report = collector.report();
        DatasetRecord record = datasets.register(dataset, report, source.describe(), createdBy);
        return new Result(record, report);
    }

    /** Sends every event to two listeners. */
    private record Tee(IngestionListener first, IngestionListener second) implements IngestionListener {
        @Override
        public void issue(IngestionIssue issue) {
            first.issue(issue);
            second.issue(issue);
        }

        @Override
        public void resourceRead(String resourceType) {
            first.resourceRead(resourceType);
            second.resourceRead(resourceType);
        }

        @Override
        public void progress(long unitsDone, long unitsTotal) {
            first.progress(unitsDone, unitsTotal);
            second.progress(unitsDone, unitsTotal);
        }

        @Override
        public void sourceStarted(String description) {
            first.sourceStarted(description);
            second.sourceStarted(description);
        }

        @Override
        public void fileSkipped(String file, String reason) {
            first.fileSkipped(file, reason);
            second.fileSkipped(file, reason);
        }
    }
}
