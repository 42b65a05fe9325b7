package dev.vigil.ingestion.pipeline;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import java.util.ArrayList;
import java.util.List;

/** Keeps every issue (thread-safe), for assertions. */
final class RecordingListener implements IngestionListener {

    private final List<IngestionIssue> issues = new ArrayList<>();

    @Override
    public synchronized void issue(IngestionIssue issue) {
        issues.add(issue);
    }

    @Override
    public void resourceRead(String resourceType) {
    }

    @Override
    public void progress(long unitsDone, long unitsTotal) {
    }

    synchronized List<IngestionIssue> issues() {
        return List.copyOf(issues);
    }

    synchronized List<IngestionIssue> of(IssueKind kind) {
        return issues.stream().filter(i -> i.kind() == kind).toList();
    }
}
