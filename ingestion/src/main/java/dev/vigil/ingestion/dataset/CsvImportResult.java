package dev.vigil.ingestion.dataset;

import dev.vigil.ingestion.report.IngestionIssue;
import java.util.List;

/**
 * What a CSV import kept and what it rejected: one issue per rejected episode (or header-less row), naming
 * the file, the line and the column of the first problem.
 *
 * @param dataset the good episodes, in file order
 * @param issues the rejected episodes and rows
 */
public record CsvImportResult(TrajectoryDataset dataset, List<IngestionIssue> issues) {

    public CsvImportResult {
        if (dataset == null) {
            throw new IllegalArgumentException("A CSV import result needs a dataset");
        }
        issues = List.copyOf(issues);
    }
}
