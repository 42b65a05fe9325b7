package dev.vigil.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ingestion.report.IngestionReport;
import dev.vigil.ingestion.report.IngestionReportCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The real thing: SMART's public Synthea sample export (10 patients, CC0), with its {@code log.ndjson}. Read from
 * {@code ../../shared/data/fhir-synthea-10} relative to the module, or from {@code -Dvigil.synthea.folder}.
 */
class SyntheaExportTest {

    static final Path EXPORT = Path.of(System.getProperty("vigil.synthea.folder",
            "../../shared/data/fhir-synthea-10"));

    /** The line counts of the export's files ({@code wc -l}). */
    static final Map<String, Long> LINES_PER_TYPE = new TreeMap<>(Map.ofEntries(
            Map.entry("AllergyIntolerance", 11L), Map.entry("Condition", 555L), Map.entry("Device", 16L),
            Map.entry("DocumentReference", 1215L), Map.entry("Encounter", 1215L), Map.entry("Immunization", 161L),
            Map.entry("Location", 44L), Map.entry("MedicationRequest", 1745L), Map.entry("Organization", 43L),
            Map.entry("Patient", 13L), Map.entry("Practitioner", 43L), Map.entry("PractitionerRole", 43L),
            Map.entry("Procedure", 2056L)));

    static Path export() {
        assertThat(EXPORT).as("the Synthea sample export (set -Dvigil.synthea.folder to where it is)").isDirectory();
        return EXPORT;
    }

    @Test
    void readsTheSyntheaSampleExportWithoutErrorsAndCountsEveryType() throws IOException {
        IngestionReportCollector collector = new IngestionReportCollector();
        AtomicLong delivered = new AtomicLong();

        new BulkNdjsonSource(export()).read(resource -> delivered.incrementAndGet(), collector);

        IngestionReport report = collector.report();
        assertThat(report.totalIssues()).as(report.toText()).isZero();
        assertThat(report.errorCount()).isZero();
        assertThat(report.resourcesRead()).isEqualTo(LINES_PER_TYPE);
        assertThat(delivered.get()).isEqualTo(LINES_PER_TYPE.values().stream().mapToLong(Long::longValue).sum());
        assertThat(report.skippedFiles()).extracting(IngestionReport.SkippedFile::file)
                .contains(EXPORT.resolve("log.ndjson").toString(), EXPORT.resolve("NOTICE.md").toString());
    }

    @Test
    void countsMatchTheLineCountsOfTheFilesThemselves() throws IOException {
        for (Map.Entry<String, Long> type : LINES_PER_TYPE.entrySet()) {
            try (var lines = Files.lines(export().resolve(type.getKey() + ".000.ndjson"))) {
                assertThat(lines.filter(line -> !line.isBlank()).count()).as(type.getKey()).isEqualTo(type.getValue());
            }
        }
    }
}
