package dev.vigil.ingestion.report;

import dev.vigil.ingestion.fhir.ResourceOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Listens to one ingestion and turns what it hears into an {@link IngestionReport}.
 *
 * <p>Thread-safe and cheap on the hot path: sources call {@link #resourceRead} from several parser threads for
 * every resource, so counts are {@link LongAdder}s in concurrent maps. Examples are kept in source order (the
 * first {@value #EXAMPLES_PER_KIND} by source and line, whatever thread reported them first) so that reports are
 * reproducible.
 */
public final class IngestionReportCollector implements IngestionListener {

    /** How many examples each issue kind keeps. */
    public static final int EXAMPLES_PER_KIND = 5;

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Source order: file, line, then the rest so that the order is total and examples are deterministic. */
    private static final Comparator<IngestionIssue> SOURCE_ORDER = Comparator
            .comparing((IngestionIssue issue) -> issue.origin().source(), NULLS_FIRST)
            .thenComparingLong(issue -> issue.origin().line())
            .thenComparing(issue -> issue.origin().resourceType(), NULLS_FIRST)
            .thenComparing(issue -> issue.origin().resourceId(), NULLS_FIRST)
            .thenComparing(IngestionIssue::message, NULLS_FIRST);

    private static final ResourceOrigin UNKNOWN_ORIGIN = new ResourceOrigin("(unknown source)", 0, null, null);

    private final Clock clock;
    private final Instant startedAt;
    private final ConcurrentHashMap<String, LongAdder> resourcesRead = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IssueKind, LongAdder> issueCounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IssueKind, TreeSet<IngestionIssue>> examples = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> sources = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<IngestionReport.SkippedFile> skippedFiles = new ConcurrentLinkedQueue<>();

    /** A collector whose start time is now (UTC). */
    public IngestionReportCollector() {
        this(Clock.systemUTC());
    }

    /** A collector reading time from {@code clock} (tests pass a fixed clock). */
    public IngestionReportCollector(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public void issue(IngestionIssue reported) {
        IngestionIssue issue = reported.origin() != null ? reported
                : new IngestionIssue(reported.kind(), UNKNOWN_ORIGIN, reported.message());
        counter(issueCounts, issue.kind()).increment();
        TreeSet<IngestionIssue> kept = examples.computeIfAbsent(issue.kind(), kind -> new TreeSet<>(SOURCE_ORDER));
        synchronized (kept) {
            if (kept.size() < EXAMPLES_PER_KIND || SOURCE_ORDER.compare(issue, kept.last()) < 0) {
                kept.add(issue);
                if (kept.size() > EXAMPLES_PER_KIND) {
                    kept.pollLast();
                }
            }
        }
    }

    @Override
    public void resourceRead(String resourceType) {
        counter(resourcesRead, resourceType).increment();
    }

    /** Progress is for progress bars; a report does not need it. */
    @Override
    public void progress(long unitsDone, long unitsTotal) {
    }

    @Override
    public void sourceStarted(String description) {
        sources.add(description);
    }

    @Override
    public void fileSkipped(String file, String reason) {
        skippedFiles.add(new IngestionReport.SkippedFile(file, reason));
    }

    /** A snapshot of everything heard so far; the finish time is now. Can be called again later. */
    public IngestionReport report() {
        Instant finishedAt = clock.instant();
        Map<String, Long> resources = new TreeMap<>();
        resourcesRead.forEach((type, count) -> resources.put(type, count.sum()));
        long resourcesTotal = resources.values().stream().mapToLong(Long::longValue).sum();

        Map<IssueKind, Long> counts = new EnumMap<>(IssueKind.class);
        issueCounts.forEach((kind, count) -> counts.put(kind, count.sum()));
        Map<IssueKind, List<IngestionReport.Example>> exampleLists = new EnumMap<>(IssueKind.class);
        examples.forEach((kind, kept) -> {
            List<IngestionReport.Example> list = new ArrayList<>();
            synchronized (kept) {
                kept.forEach(issue -> list.add(new IngestionReport.Example(issue.origin().describe(),
                        issue.message())));
            }
            exampleLists.put(kind, list);
        });
        long totalIssues = counts.values().stream().mapToLong(Long::longValue).sum();
        long errorCount = counts.entrySet().stream()
                .filter(entry -> !entry.getKey().isInformational())
                .mapToLong(Map.Entry::getValue)
                .sum();
        List<IngestionReport.SkippedFile> skipped = new ArrayList<>(skippedFiles);
        skipped.sort(Comparator.comparing(IngestionReport.SkippedFile::file));
        return new IngestionReport(
                List.copyOf(sources),
                startedAt.toString(),
                finishedAt.toString(),
                Duration.between(startedAt, finishedAt).toMillis(),
                resources,
                resourcesTotal,
                new LinkedHashMap<>(counts),
                new LinkedHashMap<>(exampleLists),
                skipped,
                totalIssues,
                errorCount);
    }

    private static <K> LongAdder counter(ConcurrentHashMap<K, LongAdder> counters, K key) {
        LongAdder counter = counters.get(key);
        return counter != null ? counter : counters.computeIfAbsent(key, k -> new LongAdder());
    }
}
