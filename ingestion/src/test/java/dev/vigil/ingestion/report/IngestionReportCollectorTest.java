package dev.vigil.ingestion.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IngestionReportCollectorTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static IngestionIssue issue(IssueKind kind, String file, long line) {
        return new IngestionIssue(kind, new ResourceOrigin(file, line, "Patient", "p" + line), "bad " + line);
    }

    @Test
    void countsResourcesPerTypeAndIssuesPerKind() {
        IngestionReportCollector collector = new IngestionReportCollector(FIXED);
        collector.resourceRead("Patient");
        collector.resourceRead("Observation");
        collector.resourceRead("Observation");
        collector.issue(issue(IssueKind.MALFORMED, "a.ndjson", 1));
        collector.issue(issue(IssueKind.DUPLICATE_ID, "a.ndjson", 2));
        collector.issue(issue(IssueKind.MALFORMED, "a.ndjson", 3));

        IngestionReport report = collector.report();

        assertThat(report.resourcesRead()).containsExactly(Map.entry("Observation", 2L), Map.entry("Patient", 1L));
        assertThat(report.resourcesTotal()).isEqualTo(3);
        assertThat(report.issueCounts()).containsExactly(Map.entry(IssueKind.MALFORMED, 2L),
                Map.entry(IssueKind.DUPLICATE_ID, 1L));
        assertThat(report.issues(IssueKind.MALFORMED)).isEqualTo(2);
        assertThat(report.issues(IssueKind.TRUNCATED_FILE)).isZero();
        assertThat(report.resources("Observation")).isEqualTo(2);
        assertThat(report.totalIssues()).isEqualTo(3);
        assertThat(report.errorCount()).isEqualTo(3);
        assertThat(report.startedAt()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(report.durationMillis()).isZero();
    }

    @Test
    void unmappedCodesAndExcludedPatientsAreCountedButAreNotErrors() {
        IngestionReportCollector collector = new IngestionReportCollector(FIXED);
        collector.issue(issue(IssueKind.UNMAPPED_CODE, "a.ndjson", 1));
        collector.issue(issue(IssueKind.PATIENT_EXCLUDED, "a.ndjson", 2));
        collector.issue(issue(IssueKind.MISSING_UNIT, "a.ndjson", 3));

        IngestionReport report = collector.report();

        assertThat(report.totalIssues()).isEqualTo(3);
        assertThat(report.errorCount()).isEqualTo(1);
        assertThat(IssueKind.UNMAPPED_CODE.isInformational()).isTrue();
        assertThat(IssueKind.PATIENT_EXCLUDED.isInformational()).isTrue();
        assertThat(IssueKind.MALFORMED.isInformational()).isFalse();
    }

    @Test
    void keepsTheFirstFiveExamplesInSourceOrderWhateverTheArrivalOrder() {
        IngestionReportCollector collector = new IngestionReportCollector(FIXED);
        for (long line : new long[] {9, 3, 7, 1, 8, 2, 6, 5, 4}) {
            collector.issue(issue(IssueKind.MALFORMED, "b.ndjson", line));
        }
        collector.issue(issue(IssueKind.MALFORMED, "a.ndjson", 100));

        List<IngestionReport.Example> examples = collector.report().examples().get(IssueKind.MALFORMED);

        assertThat(examples).extracting(IngestionReport.Example::origin).containsExactly(
                "a.ndjson line 100 (Patient/p100)", "b.ndjson line 1 (Patient/p1)", "b.ndjson line 2 (Patient/p2)",
                "b.ndjson line 3 (Patient/p3)", "b.ndjson line 4 (Patient/p4)");
        assertThat(examples.get(1).message()).isEqualTo("bad 1");
    }

    @Test
    void listsSourcesAndSkippedFiles() {
        IngestionReportCollector collector = new IngestionReportCollector(FIXED);
        collector.sourceStarted("Bulk Data NDJSON folder export");
        collector.fileSkipped("export/manifest.json", "not an .ndjson or .ndjson.gz file");
        collector.fileSkipped("export/log.ndjson", "'log' is not an R4 resource type");

        IngestionReport report = collector.report();

        assertThat(report.sources()).containsExactly("Bulk Data NDJSON folder export");
        assertThat(report.skippedFiles()).containsExactly(
                new IngestionReport.SkippedFile("export/log.ndjson", "'log' is not an R4 resource type"),
                new IngestionReport.SkippedFile("export/manifest.json", "not an .ndjson or .ndjson.gz file"));
        assertThat(report.totalIssues()).isZero();
    }

    @Test
    void countsCorrectlyFromManyThreadsAtOnce() throws InterruptedException {
        IngestionReportCollector collector = new IngestionReportCollector();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        IntStream.range(0, 4).forEach(t -> threads.submit(() -> {
            for (int i = 0; i < 25_000; i++) {
                collector.resourceRead(i % 2 == 0 ? "Patient" : "Observation");
                if (i % 100 == 0) {
                    collector.issue(issue(IssueKind.MALFORMED, "t" + t, i));
                }
            }
        }));
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        IngestionReport report = collector.report();

        assertThat(report.resourcesTotal()).isEqualTo(100_000);
        assertThat(report.resources("Patient")).isEqualTo(50_000);
        assertThat(report.issues(IssueKind.MALFORMED)).isEqualTo(1_000);
        assertThat(report.examples().get(IssueKind.MALFORMED)).hasSize(IngestionReportCollector.EXAMPLES_PER_KIND)
                .first().extracting(IngestionReport.Example::origin).isEqualTo("t0 (Patient/p0)");
    }

    @Test
    void serialisesToJsonAndBackWithAPlainObjectMapper() throws Exception {
        IngestionReportCollector collector = new IngestionReportCollector(FIXED);
        collector.sourceStarted("FHIR server http://localhost/fhir");
        collector.resourceRead("Patient");
        collector.issue(issue(IssueKind.SOURCE_UNAVAILABLE, "http://localhost/fhir", 0));
        collector.fileSkipped("x/log.ndjson", "not a resource file");
        IngestionReport report = collector.report();
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(report);
        IngestionReport back = json.readValue(text, IngestionReport.class);

        assertThat(back).isEqualTo(report);
        assertThat(text).contains("\"SOURCE_UNAVAILABLE\":1").contains("\"errorCount\":1");
    }

    @Test
    void printsAShortTableForTheCommandLine() {
        IngestionReportCollector collector = new IngestionReportCollector(FIXED);
        collector.sourceStarted("Bulk Data NDJSON folder export");
        collector.resourceRead("Patient");
        collector.issue(issue(IssueKind.DUPLICATE_ID, "export/Patient.ndjson", 3));
        collector.issue(issue(IssueKind.UNMAPPED_CODE, "export/Observation.ndjson", 4));
        collector.fileSkipped("export/log.ndjson", "'log' is not an R4 resource type");

        String text = collector.report().toText();

        assertThat(text).startsWith("Ingestion report: 1 resources read, 2 issues (1 errors)")
                .contains("Bulk Data NDJSON folder export")
                .containsPattern("Patient +1")
                .containsPattern("DUPLICATE_ID +1")
                .contains("e.g. export/Patient.ndjson line 3 (Patient/p3): bad 3")
                .contains("UNMAPPED_CODE (informational)")
                .contains("export/log.ndjson: 'log' is not an R4 resource type");
    }
}
