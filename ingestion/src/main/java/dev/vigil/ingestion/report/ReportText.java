package dev.vigil.ingestion.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays an {@link IngestionReport} out as a short plain-text table for a terminal. */
final class ReportText {

    private static final String ROW = "  %-34s %10s%n";

    private ReportText() {
    }

    static String format(IngestionReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Ingestion report: %d resources read, %d issues (%d errors) in %.1f s%n",
                report.resourcesTotal(), report.totalIssues(), report.errorCount(),
                report.durationMillis() / 1000.0));
        text.append("Sources").append(System.lineSeparator());
        for (String source : report.sources()) {
            text.append("  ").append(source).append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, "%-36s %10s%n", "Resources read", "count"));
        for (Map.Entry<String, Long> entry : report.resourcesRead().entrySet()) {
            text.append(String.format(Locale.ROOT, ROW, entry.getKey(), entry.getValue()));
        }
        if (!report.issueCounts().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%-36s %10s%n", "Issues", "count"));
            for (Map.Entry<IssueKind, Long> entry : report.issueCounts().entrySet()) {
                IssueKind kind = entry.getKey();
                String label = kind.name() + (kind.isInformational() ? " (informational)" : "");
                text.append(String.format(Locale.ROOT, ROW, label, entry.getValue()));
                for (IngestionReport.Example example : report.examples().getOrDefault(kind, List.of())) {
                    text.append("      e.g. ").append(example.origin()).append(": ").append(example.message())
                            .append(System.lineSeparator());
                }
            }
        }
        if (!report.skippedFiles().isEmpty()) {
            text.append("Skipped files (not read, not errors)").append(System.lineSeparator());
            for (IngestionReport.SkippedFile skipped : report.skippedFiles()) {
                text.append("  ").append(skipped.file()).append(": ").append(skipped.reason())
                        .append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
