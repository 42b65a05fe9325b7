package dev.vigil.ingestion.fhir;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Collects everything a source delivers and reports, thread-safely, for assertions. */
final class Capture implements IngestionListener, Consumer<SourcedResource> {

    final ConcurrentLinkedQueue<SourcedResource> resources = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<IngestionIssue> issues = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> resourceReadTypes = new ConcurrentLinkedQueue<>();
    final Map<String, String> skipped = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> sources = new ConcurrentLinkedQueue<>();
    final AtomicLong lastProgress = new AtomicLong(-2);
    final AtomicLong progressTotal = new AtomicLong(-2);

    /** Reads {@code source} into a new capture. */
    static Capture read(FhirSource source) throws IOException {
        Capture capture = new Capture();
        source.read(capture, capture);
        return capture;
    }

    @Override
    public void accept(SourcedResource resource) {
        resources.add(resource);
    }

    @Override
    public void issue(IngestionIssue issue) {
        issues.add(issue);
    }

    @Override
    public void resourceRead(String resourceType) {
        resourceReadTypes.add(resourceType);
    }

    @Override
    public void progress(long unitsDone, long unitsTotal) {
        lastProgress.accumulateAndGet(unitsDone, Math::max);
        progressTotal.set(unitsTotal);
    }

    @Override
    public void sourceStarted(String description) {
        sources.add(description);
    }

    @Override
    public void fileSkipped(String file, String reason) {
        skipped.put(file, reason);
    }

    /** The delivered resources' origins, sorted by source and line. */
    List<ResourceOrigin> origins() {
        List<ResourceOrigin> origins = new ArrayList<>(resources.stream().map(SourcedResource::origin).toList());
        origins.sort(Comparator.comparing(ResourceOrigin::source).thenComparingLong(ResourceOrigin::line)
                .thenComparing(origin -> String.valueOf(origin.resourceId())));
        return origins;
    }

    /** The delivered resources' ids ({@code Type/id}) in source order. */
    List<String> keys() {
        return origins().stream().map(origin -> origin.resourceType() + "/" + origin.resourceId()).toList();
    }

    /** Issues of one kind. */
    List<IngestionIssue> issues(IssueKind kind) {
        return issues.stream().filter(issue -> issue.kind() == kind).toList();
    }

    /** Issues sorted by source, line and kind (delivery order is not defined). */
    List<IngestionIssue> sortedIssues() {
        List<IngestionIssue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparing((IngestionIssue issue) -> issue.origin().source())
                .thenComparingLong(issue -> issue.origin().line())
                .thenComparing(issue -> issue.kind()));
        return sorted;
    }

    /** Resources delivered per type. */
    Map<String, Long> countsByType() {
        return resources.stream().collect(Collectors.groupingBy(resource -> resource.resource().fhirType(),
                Collectors.counting()));
    }
}
