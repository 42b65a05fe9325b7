package dev.vigil.ingestion.fhir;

import static dev.vigil.ingestion.fhir.NdjsonFiles.observation;
import static dev.vigil.ingestion.fhir.NdjsonFiles.patient;
import static dev.vigil.ingestion.fhir.NdjsonFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BulkNdjsonSourceTest {

    @TempDir
    Path folder;

    private Capture read() throws IOException {
        return Capture.read(new BulkNdjsonSource(folder, 2));
    }

    private static IngestionIssue onlyIssue(Capture capture, IssueKind kind) {
        assertThat(capture.issues).extracting(IngestionIssue::kind).containsExactly(kind);
        return capture.issues.peek();
    }

    @Test
    void readsEveryLineOfAPlainFileWithFileAndLineAsOrigin() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"), patient("p2"), patient("p3"));

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.origins()).containsExactly(
                new ResourceOrigin(file.toString(), 1, "Patient", "p1"),
                new ResourceOrigin(file.toString(), 2, "Patient", "p2"),
                new ResourceOrigin(file.toString(), 3, "Patient", "p3"));
        assertThat(capture.resources)
                .allSatisfy(resource -> assertThat(resource.resource()).isInstanceOf(Patient.class));
        assertThat(capture.resourceReadTypes).containsExactly("Patient", "Patient", "Patient");
        assertThat(capture.sources).containsExactly("Bulk Data NDJSON folder " + folder);
    }

    @Test
    void readsGzipCompressedFiles() throws IOException {
        Path file = write(folder, "Observation.ndjson.gz", observation("o1"), observation("o2"));

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.origins()).containsExactly(
                new ResourceOrigin(file.toString(), 1, "Observation", "o1"),
                new ResourceOrigin(file.toString(), 2, "Observation", "o2"));
    }

    @Test
    void readsSplitFilesPlainAndCompressed() throws IOException {
        write(folder, "Observation.000.ndjson", observation("o1"), observation("o2"));
        write(folder, "Observation.001.ndjson.gz", observation("o3"));
        write(folder, "Observation.002.ndjson", observation("o4"));

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.keys()).containsExactly("Observation/o1", "Observation/o2", "Observation/o3",
                "Observation/o4");
    }

    @Test
    void skipsFilesThatAreNotResourceFilesWithoutCountingThemAsIssues() throws IOException {
        write(folder, "Patient.ndjson", patient("p1"));
        write(folder, "log.ndjson", "{\"eventId\":\"kickoff\"}");
        write(folder, "manifest.json", "{}");
        write(folder, "NOTICE.md", "# notes");
        Files.createDirectory(folder.resolve("attachments"));

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.keys()).containsExactly("Patient/p1");
        assertThat(capture.skipped).containsOnlyKeys(folder.resolve("log.ndjson").toString(),
                folder.resolve("manifest.json").toString(), folder.resolve("NOTICE.md").toString(),
                folder.resolve("attachments").toString());
        assertThat(capture.skipped.get(folder.resolve("log.ndjson").toString()))
                .contains("'log' is not an R4 resource type");
    }

    @Test
    void skipsBlankLinesAndKeepsPhysicalLineNumbers() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"), "", "   ", patient("p2"));

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.origins()).containsExactly(
                new ResourceOrigin(file.toString(), 1, "Patient", "p1"),
                new ResourceOrigin(file.toString(), 4, "Patient", "p2"));
    }

    @Test
    void ignoresAByteOrderMarkAtTheStartOfAFile() throws IOException {
        write(folder, "Patient.ndjson", "\uFEFF" + patient("p1"), patient("p2"));

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.keys()).containsExactly("Patient/p1", "Patient/p2");
    }

    @Test
    void reportsALineThatIsNotJsonAsMalformedAndKeepsTheLinesAround() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"), "{\"resourceType\": Patient, \"id\":\"p2\"}",
                patient("p3"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.MALFORMED);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 2, null, null));
        assertThat(issue.message()).contains("not valid JSON").contains("column");
        assertThat(capture.keys()).containsExactly("Patient/p1", "Patient/p3");
    }

    @Test
    void reportsALineCutOffAfterItsIdAsMalformedWithTheId() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"),
                "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"name\":[{\"fam", patient("p3"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.MALFORMED);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 2, "Patient", "p2"));
        assertThat(capture.keys()).containsExactly("Patient/p1", "Patient/p3");
    }

    @Test
    void reportsAnInvalidValueAsMalformedWithoutQuotingTheValue() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"),
                "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"birthDate\":\"19x80-secret\"}", patient("p3"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.MALFORMED);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 2, "Patient", "p2"));
        assertThat(issue.message()).contains("birthDate").doesNotContain("19x80").doesNotContain("secret");
        assertThat(capture.keys()).containsExactly("Patient/p1", "Patient/p3");
    }

    @Test
    void acceptsUnknownElementsSilently() throws IOException {
        write(folder, "Patient.ndjson", "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"favouriteColour\":\"red\"}");

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.keys()).containsExactly("Patient/p1");
    }

    @Test
    void reportsALineWithoutResourceTypeAsMissingResourceType() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"), "{\"id\":\"p2\",\"gender\":\"male\"}",
                patient("p3"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.MISSING_RESOURCE_TYPE);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 2, null, "p2"));
        assertThat(issue.message()).contains("resourceType");
        assertThat(capture.keys()).containsExactly("Patient/p1", "Patient/p3");
    }

    @Test
    void reportsAResourceTypeThatR4DoesNotKnowAsUnknownResourceType() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"), "{\"resourceType\":\"Patiant\",\"id\":\"p2\"}",
                patient("p3"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.UNKNOWN_RESOURCE_TYPE);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 2, "Patiant", "p2"));
        assertThat(issue.message()).contains("\"Patiant\" is not an R4 resource type");
        assertThat(capture.keys()).containsExactly("Patient/p1", "Patient/p3");
    }

    @Test
    void dropsAndReportsAResourceOfAnotherTypeThanItsFile() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1"), observation("o1"), patient("p3"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.WRONG_RESOURCE_TYPE);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 2, "Observation", "o1"));
        assertThat(issue.message()).contains("Observation in Patient.ndjson");
        assertThat(capture.keys()).containsExactly("Patient/p1", "Patient/p3");
    }

    @Test
    void keepsTheFirstOfTwoResourcesWithTheSameTypeAndId() throws IOException {
        Path file = write(folder, "Patient.ndjson", patient("p1", "female"), patient("p2"), patient("p1", "male"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.DUPLICATE_ID);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 3, "Patient", "p1"));
        assertThat(capture.origins()).containsExactly(
                new ResourceOrigin(file.toString(), 1, "Patient", "p1"),
                new ResourceOrigin(file.toString(), 2, "Patient", "p2"));
        Patient kept = (Patient) capture.resources.stream()
                .filter(resource -> resource.origin().resourceId().equals("p1")).findFirst().orElseThrow()
                .resource();
        assertThat(kept.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    }

    @Test
    void keepsTheDuplicateOfTheEarlierSplitFile() throws IOException {
        Path first = write(folder, "Patient.000.ndjson", patient("p1"));
        Path second = write(folder, "Patient.001.ndjson", patient("p2"), patient("p1"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.DUPLICATE_ID);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(second.toString(), 2, "Patient", "p1"));
        assertThat(capture.origins()).contains(new ResourceOrigin(first.toString(), 1, "Patient", "p1"));
    }

    @Test
    void sameIdOfDifferentTypesIsNoDuplicate() throws IOException {
        write(folder, "Patient.ndjson", patient("x1"));
        write(folder, "Observation.ndjson", observation("x1"));

        Capture capture = read();

        assertThat(capture.issues).isEmpty();
        assertThat(capture.keys()).containsExactlyInAnyOrder("Patient/x1", "Observation/x1");
    }

    @Test
    void keepsTheLinesBeforeTheEndOfATruncatedGzipFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            lines.add(observation("o" + i));
        }
        Path file = write(folder, "Observation.ndjson.gz", lines);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        write(folder, "Patient.ndjson", patient("p1"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.TRUNCATED_FILE);
        long lastGoodLine = issue.origin().line();
        assertThat(issue.origin().source()).isEqualTo(file.toString());
        assertThat(lastGoodLine).isBetween(1L, 399L);
        assertThat(issue.message()).contains("ends early after line " + lastGoodLine);
        assertThat(capture.countsByType().get("Observation")).isEqualTo(lastGoodLine);
        assertThat(capture.keys()).contains("Observation/o1", "Observation/o" + lastGoodLine, "Patient/p1")
                .doesNotContain("Observation/o" + (lastGoodLine + 1));
    }

    @Test
    void keepsExactlyTheCompleteLinesWhereverAGzipFileIsCut() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add(observation("o" + i + "-" + Integer.toHexString(i * 7919 * 104729)));
        }
        Path file = write(folder, "Observation.ndjson.gz", lines);
        byte[] whole = Files.readAllBytes(file);
        for (int percent = 5; percent < 100; percent += 5) {
            Files.write(file, Arrays.copyOf(whole, whole.length * percent / 100));

            Capture capture = read();

            IngestionIssue issue = onlyIssue(capture, IssueKind.TRUNCATED_FILE);
            long kept = capture.resources.size();
            assertThat(issue.origin().line()).as("cut at %d%%", percent).isEqualTo(kept);
            assertThat(capture.keys()).as("cut at %d%%", percent)
                    .isEqualTo(lines.subList(0, (int) kept).stream()
                            .map(line -> "Observation/" + line.split("\"id\":\"")[1].split("\"")[0]).toList());
        }
    }

    @Test
    void reportsAGzipFileThatIsNotGzipAsTruncated() throws IOException {
        Path file = folder.resolve("Patient.ndjson.gz");
        Files.writeString(file, patient("p1"));

        Capture capture = read();

        IngestionIssue issue = onlyIssue(capture, IssueKind.TRUNCATED_FILE);
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(file.toString(), 0, null, null));
        assertThat(issue.message()).contains("not a readable gzip file");
    }

    @Test
    void reportsProgressInBytesUpToTheResourceFilesTotalSize() throws IOException {
        Path plain = write(folder, "Patient.ndjson", patient("p1"), patient("p2"));
        Path gzip = write(folder, "Observation.ndjson.gz", observation("o1"));
        write(folder, "log.ndjson", "{}");

        Capture capture = read();

        long total = Files.size(plain) + Files.size(gzip);
        assertThat(capture.progressTotal.get()).isEqualTo(total);
        assertThat(capture.lastProgress.get()).isEqualTo(total);
    }

    @Test
    void givesTheSameResourcesAndIssuesWithOneOrFourParserThreads() throws IOException {
        List<String> patients = new ArrayList<>();
        List<String> observations = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            patients.add(i % 97 == 0 ? "{\"resourceType\":\"Patient\",\"id\":\"bad" + i + "\",\"birthDate\":\"x\"}"
                    : patient("p" + (i % 2500)));
            observations.add(i % 101 == 0 ? "{broken" : observation("o" + (i % 2800)));
        }
        write(folder, "Patient.000.ndjson", patients.subList(0, 1500));
        write(folder, "Patient.001.ndjson.gz", patients.subList(1500, 3000));
        write(folder, "Observation.ndjson", observations);

        Capture single = Capture.read(new BulkNdjsonSource(folder, 1, 7));
        Capture parallel = Capture.read(new BulkNdjsonSource(folder, 4, 7));

        assertThat(single.issues(IssueKind.DUPLICATE_ID)).isNotEmpty();
        assertThat(single.issues(IssueKind.MALFORMED)).isNotEmpty();
        assertThat(parallel.origins()).isEqualTo(single.origins());
        assertThat(parallel.sortedIssues()).isEqualTo(single.sortedIssues());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void passesOnAnExceptionOfTheSinkWithoutHanging() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add(patient("p" + i));
        }
        write(folder, "Patient.ndjson", lines);
        AtomicInteger delivered = new AtomicInteger();
        BulkNdjsonSource source = new BulkNdjsonSource(folder, 2, 16);

        assertThatThrownBy(() -> source.read(resource -> {
            if (delivered.incrementAndGet() == 100) {
                throw new IllegalStateException("sink is full");
            }
        }, new Capture())).isInstanceOf(IllegalStateException.class).hasMessage("sink is full");
    }

    @Test
    void throwsAClearIOExceptionForAMissingFolder() {
        Path missing = folder.resolve("nope");

        assertThatThrownBy(() -> read(new BulkNdjsonSource(missing)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    private static Capture read(BulkNdjsonSource source) throws IOException {
        return Capture.read(source);
    }
}
