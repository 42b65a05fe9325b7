package dev.vigil.ingestion.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one ingestion read, kept and rejected, as plain values: written next to every dataset (as JSON, so that
 * a dataset's provenance says how clean its input was) and printed by the CLI ({@link #toText()}).
 *
 * <p>Examples are the first few issues of each kind in source order (source, then line), not in arrival order,
 * so that the same input gives the same report however many threads parsed it.
 *
 * @param sources what was read, each source's {@code describe()}, in the order they started
 * @param startedAt when collecting began, ISO-8601 UTC
 * @param finishedAt when the report was taken, ISO-8601 UTC
 * @param durationMillis {@code finishedAt - startedAt}
 * @param resourcesRead resources delivered per resource type, sorted by type
 * @param resourcesTotal the sum of {@code resourcesRead}
 * @param issueCounts issues per kind, in the enum's order; kinds that did not occur are absent
 * @param examples up to {@link IngestionReportCollector#EXAMPLES_PER_KIND} examples per kind that occurred
 * @param skippedFiles files deliberately not read (not issues)
 * @param totalIssues all issues, informational ones included
 * @param errorCount issues whose kind is not {@linkplain IssueKind#isInformational() informational}
 */
public record IngestionReport(
        List<String> sources,
        String startedAt,
        String finishedAt,
        long durationMillis,
        Map<String, Long> resourcesRead,
        long resourcesTotal,
        Map<IssueKind, Long> issueCounts,
        Map<IssueKind, List<Example>> examples,
        List<SkippedFile> skippedFiles,
        long totalIssues,
        long errorCount) {

    /** Copies every collection so that a report, once taken, never changes. */
    public IngestionReport {
        sources = List.copyOf(sources);
        resourcesRead = Collections.unmodifiableMap(new LinkedHashMap<>(resourcesRead));
        issueCounts = Collections.unmodifiableMap(new LinkedHashMap<>(issueCounts));
        Map<IssueKind, List<Example>> examplesCopy = new LinkedHashMap<>();
        examples.forEach((kind, list) -> examplesCopy.put(kind, List.copyOf(list)));
        examples = Collections.unmodifiableMap(examplesCopy);
        skippedFiles = List.copyOf(skippedFiles);
    }

    /**
     * One issue shown as an example.
     *
     * @param origin where it is, {@code ResourceOrigin.describe()}
     * @param message what is wrong and how to fix it
     */
    public record Example(String origin, String message) {
    }

    /**
     * A file that was deliberately not read.
     *
     * @param file the file's path
     * @param reason why
     */
    public record SkippedFile(String file, String reason) {
    }

    /** How many issues of {@code kind} occurred (0 when none). */
    public long issues(IssueKind kind) {
        return issueCounts.getOrDefault(kind, 0L);
    }

    /** How many resources of {@code resourceType} were read (0 when none). */
    public long resources(String resourceType) {
        return resourcesRead.getOrDefault(resourceType, 0L);
    }

    /** A short table for the command line: resources per type, issues per kind with examples, skipped files. */
    public String toText() {
        return ReportText.format(this);
    }
}
