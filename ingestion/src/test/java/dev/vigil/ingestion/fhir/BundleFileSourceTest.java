package dev.vigil.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFileSourceTest {

    @TempDir
    Path folder;

    /** Copies the test resource {@code fhir/name} to {@code folder/target}. */
    private Path copy(String name, String target) throws IOException {
        Path file = folder.resolve(target);
        Files.createDirectories(file.getParent());
        try (InputStream in = BundleFileSourceTest.class.getResourceAsStream("/fhir/" + name)) {
            assertThat(in).as("test resource fhir/%s", name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private static Capture read(Path path) throws IOException {
        return Capture.read(new BundleFileSource(path, 2));
    }

    @Test
    void readsEveryEntryOfAJsonBundleWithItsEntryNumberAsLine() throws IOException {
        Path file = copy("bundle-collection.json", "bundle-collection.json");

        Capture capture = read(file);

        assertThat(capture.issues).isEmpty();
        assertThat(capture.origins()).containsExactly(
                new ResourceOrigin(file.toString(), 1, "Patient", "pat-1"),
                new ResourceOrigin(file.toString(), 2, "Observation", "obs-1"),
                new ResourceOrigin(file.toString(), 3, "Observation", "obs-2"));
        assertThat(capture.resourceReadTypes).containsExactlyInAnyOrder("Patient", "Observation", "Observation");
        assertThat(capture.sources).containsExactly("FHIR Bundle file " + file);
    }

    @Test
    void keepsTheResourceIdRatherThanTheEntryFullUrlAndDecimalsAsWritten() throws IOException {
        Path file = copy("bundle-collection.json", "bundle-collection.json");

        Capture capture = read(file);

        Observation heartRate = (Observation) capture.resources.stream()
                .filter(resource -> "obs-1".equals(resource.origin().resourceId())).findFirst().orElseThrow()
                .resource();
        assertThat(heartRate.getIdElement().getIdPart()).isEqualTo("obs-1");
        assertThat(heartRate.getValueQuantity().getValueElement().getValueAsString()).isEqualTo("72.50");
    }

    @Test
    void readsAnXmlBundleAndPassesOverEntriesWithoutResource() throws IOException {
        Path file = copy("bundle-transaction.xml", "bundle-transaction.xml");

        Capture capture = read(file);

        assertThat(capture.issues).isEmpty();
        assertThat(capture.origins()).containsExactly(
                new ResourceOrigin(file.toString(), 1, "Patient", "pat-2"),
                new ResourceOrigin(file.toString(), 3, "Condition", "cond-1"));
    }

    @Test
    void readsAFileHoldingOneResourceAsThatResource() throws IOException {
        Path file = copy("single-patient.json", "single-patient.json");

        Capture capture = read(file);

        assertThat(capture.issues).isEmpty();
        assertThat(capture.origins()).containsExactly(new ResourceOrigin(file.toString(), 0, "Patient", "pat-3"));
    }

    @Test
    void readsAFolderRecursivelyAndListsOtherFilesAsSkipped() throws IOException {
        copy("bundle-collection.json", "a/bundle-collection.json");
        copy("bundle-transaction.xml", "b/deeper/bundle-transaction.xml");
        copy("single-patient.json", "single-patient.json");
        Files.writeString(folder.resolve("README.txt"), "not FHIR");

        Capture capture = read(folder);

        assertThat(capture.issues).isEmpty();
        assertThat(capture.keys()).containsExactly("Patient/pat-1", "Observation/obs-1", "Observation/obs-2",
                "Patient/pat-2", "Condition/cond-1", "Patient/pat-3");
        assertThat(capture.skipped).containsOnlyKeys(folder.resolve("README.txt").toString());
        assertThat(capture.sources).containsExactly("FHIR Bundle folder " + folder);
        assertThat(capture.lastProgress.get()).isEqualTo(capture.progressTotal.get()).isPositive();
    }

    @Test
    void reportsAMalformedJsonFileWithLineAndColumnAndReadsTheOtherFiles() throws IOException {
        Path bad = copy("bundle-malformed.json", "1-bundle-malformed.json");
        copy("bundle-collection.json", "2-bundle-collection.json");

        Capture capture = read(folder);

        assertThat(capture.issues).extracting(IngestionIssue::kind).containsExactly(IssueKind.MALFORMED);
        IngestionIssue issue = capture.issues.peek();
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(bad.toString(), 0, null, null));
        assertThat(issue.message()).contains("not valid JSON").contains("line 6, column");
        assertThat(capture.keys()).containsExactly("Patient/pat-1", "Observation/obs-1", "Observation/obs-2");
    }

    @Test
    void reportsAMalformedXmlFileWithLineAndColumn() throws IOException {
        Path bad = copy("bundle-malformed.xml", "bundle-malformed.xml");

        Capture capture = read(bad);

        assertThat(capture.issues).extracting(IngestionIssue::kind).containsExactly(IssueKind.MALFORMED);
        IngestionIssue issue = capture.issues.peek();
        assertThat(issue.origin()).isEqualTo(new ResourceOrigin(bad.toString(), 0, null, null));
        assertThat(issue.message()).contains("not a valid FHIR XML file").contains("line 8, column");
        assertThat(capture.resources).isEmpty();
    }

    @Test
    void keepsTheGoodEntriesOfAJsonBundleAndReportsEachBadOne() throws IOException {
        Path file = copy("bundle-bad-entry.json", "bundle-bad-entry.json");

        Capture capture = read(file);

        assertThat(capture.origins()).containsExactly(
                new ResourceOrigin(file.toString(), 1, "Patient", "pat-4"),
                new ResourceOrigin(file.toString(), 5, "Observation", "obs-4"));
        assertThat(capture.sortedIssues()).extracting(IngestionIssue::kind, IngestionIssue::origin).containsExactly(
                tuple(IssueKind.MALFORMED,
                        new ResourceOrigin(file.toString(), 2, "Patient", "pat-5")),
                tuple(IssueKind.UNKNOWN_RESOURCE_TYPE,
                        new ResourceOrigin(file.toString(), 3, "Patiant", "pat-6")),
                tuple(IssueKind.MISSING_RESOURCE_TYPE,
                        new ResourceOrigin(file.toString(), 4, null, "pat-7")));
        assertThat(capture.issues(IssueKind.MALFORMED).get(0).message()).contains("birthDate")
                .doesNotContain("not-a-date");
        Observation temperature = (Observation) capture.resources.stream()
                .filter(resource -> "obs-4".equals(resource.origin().resourceId())).findFirst().orElseThrow()
                .resource();
        assertThat(temperature.getValueQuantity().getValueElement().getValueAsString()).isEqualTo("37.50");
    }

    @Test
    void reportsAnInvalidBundleButKeepsItsValidEntries() throws IOException {
        Path file = folder.resolve("odd-bundle.json");
        Files.writeString(file, "{\"resourceType\":\"Bundle\",\"type\":\"not-a-bundle-type\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"pat-11\"}}]}");

        Capture capture = read(file);

        assertThat(capture.issues).extracting(IngestionIssue::kind).containsExactly(IssueKind.MALFORMED);
        assertThat(capture.issues.peek().origin()).isEqualTo(new ResourceOrigin(file.toString(), 0, "Bundle", null));
        assertThat(capture.keys()).containsExactly("Patient/pat-11");
    }

    @Test
    void keepsTheFirstOfTheSameResourceInTwoFiles() throws IOException {
        Path first = copy("bundle-collection.json", "a.json");
        Path second = copy("bundle-collection.json", "b.json");

        Capture capture = read(folder);

        assertThat(capture.origins()).extracting(ResourceOrigin::source).containsOnly(first.toString());
        assertThat(capture.issues(IssueKind.DUPLICATE_ID)).extracting(IngestionIssue::origin).containsExactly(
                new ResourceOrigin(second.toString(), 1, "Patient", "pat-1"),
                new ResourceOrigin(second.toString(), 2, "Observation", "obs-1"),
                new ResourceOrigin(second.toString(), 3, "Observation", "obs-2"));
    }

    @Test
    void givesTheSameResultWithOneOrFourThreads() throws IOException {
        for (int i = 0; i < 12; i++) {
            copy(i % 3 == 0 ? "bundle-bad-entry.json" : "bundle-collection.json", "f" + i + ".json");
            copy("bundle-transaction.xml", "g" + i + ".xml");
        }

        Capture single = Capture.read(new BundleFileSource(folder, 1));
        Capture parallel = Capture.read(new BundleFileSource(folder, 4));

        assertThat(parallel.origins()).isEqualTo(single.origins());
        assertThat(parallel.sortedIssues()).isEqualTo(single.sortedIssues());
    }

    @Test
    void throwsAClearIOExceptionForAMissingPath() {
        Path missing = folder.resolve("missing.json");

        assertThatThrownBy(() -> read(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }
}
