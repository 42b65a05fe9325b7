package dev.vigil.ingestion.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every issue it hears, in arrival order (thread-safe); for callers that want the issues themselves
 * rather than a report's counts, and for tests.
 */
public final class IssueRecorder implements IngestionListener {

    private final List<IngestionIssue> issues = new ArrayList<>();

    @Override
    public synchronized void issue(IngestionIssue issue) {
        issues.add(issue);
    }

    @Override
    public void resourceRead(String resourceType) {
        // counted by report collectors, not here
    }

    @Override
    public void progress(long unitsDone, long unitsTotal) {
        // not needed to keep issues
    }

    /** Every issue so far. */
    public synchronized List<IngestionIssue> issues() {
        return List.copyOf(issues);
    }

    /** The issues of one kind so far. */
    public synchronized List<IngestionIssue> of(IssueKind kind) {
        return issues.stream().filter(i -> i.kind() == kind).toList();
    }
}
