package dev.vigil.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real HAPI server over HTTP ({@link TestFhirServer}); no mocks. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FhirServerSourceTest {

    private static final List<String> SERVED_TYPES = List.of("Observation", "Condition", "Encounter",
            "MedicationAdministration");

    private TestFhirServer server;
    private FhirServerOptions options;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestFhirServer();
        options = FhirServerOptions.defaults().withBearerToken(TestFhirServer.TOKEN).withResourceTypes(SERVED_TYPES)
                .withPageSize(50);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Capture read(FhirServerOptions readOptions) throws IOException {
        return Capture.read(new FhirServerSource(server.baseUrl(), readOptions));
    }

    @Test
    void readsEveryPatientAndTheirResourcesAcrossPages() throws IOException {
        Capture capture = read(options);

        assertThat(capture.issues).isEmpty();
        assertThat(capture.countsByType()).isEqualTo(Map.of(
                "Patient", (long) TestFhirServer.PATIENTS,
                "Observation", (long) TestFhirServer.PATIENTS * TestFhirServer.OBSERVATIONS_PER_PATIENT,
                "Condition", (long) TestFhirServer.PATIENTS * TestFhirServer.CONDITIONS_PER_PATIENT,
                "Encounter", (long) TestFhirServer.PATIENTS * TestFhirServer.ENCOUNTERS_PER_PATIENT,
                "MedicationAdministration",
                (long) TestFhirServer.PATIENTS * TestFhirServer.ADMINISTRATIONS_PER_PATIENT));
        assertThat(capture.origins()).allSatisfy(origin -> {
            assertThat(origin.source()).isEqualTo(server.baseUrl());
            assertThat(origin.line()).isZero();
        });
        assertThat(capture.keys()).contains("Patient/p1", "Observation/Observation-p3-2");
        // Pages of 2: 3 for 5 patients; per patient 2 for 3 observations, 1 each for the other three types.
        assertThat(server.requests.get()).isEqualTo(3 + TestFhirServer.PATIENTS * (2 + 1 + 1 + 1));
        assertThat(capture.lastProgress.get()).isEqualTo(TestFhirServer.totalResources());
        assertThat(capture.progressTotal.get()).isEqualTo(-1);
        assertThat(capture.sources).containsExactly("FHIR server " + server.baseUrl());
    }

    @Test
    void readsOnlyTheGivenPatientsAndReportsAMissingOne() throws IOException {
        Capture capture = read(options.withPatientIds(List.of("nobody", "p2", "p4")));

        assertThat(capture.countsByType().get("Patient")).isEqualTo(2);
        assertThat(capture.countsByType().get("Observation")).isEqualTo(2L * TestFhirServer.OBSERVATIONS_PER_PATIENT);
        assertThat(capture.issues).extracting(IngestionIssue::kind).containsExactly(IssueKind.SOURCE_UNAVAILABLE);
        assertThat(capture.issues.peek().message()).contains("GET Patient/nobody answered 404")
                .contains("this patient was skipped");
    }

    @Test
    void stopsAfterMaxPatients() throws IOException {
        Capture capture = read(options.withMaxPatients(3));

        assertThat(capture.issues).isEmpty();
        assertThat(capture.countsByType().get("Patient")).isEqualTo(3);
        assertThat(capture.countsByType().get("Condition")).isEqualTo(3L * TestFhirServer.CONDITIONS_PER_PATIENT);
    }

    @Test
    void aWrongTokenIsAClearIOException() {
        assertThatThrownBy(() -> read(options.withBearerToken("wrong-token")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("FHIR server at " + server.baseUrl() + " answered 401")
                .hasMessageContaining("check the bearer token")
                .hasMessageNotContaining("wrong-token");
    }

    @Test
    void noTokenSaysThatTheServerNeedsOne() {
        assertThatThrownBy(() -> read(options.withBearerToken(null)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("answered 401")
                .hasMessageContaining("the server needs a bearer token");
    }

    @Test
    void aServerThatIsDownIsAClearIOException() {
        server.kill();

        assertThatThrownBy(() -> read(options))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("FHIR server at " + server.baseUrl() + " could not be reached")
                .hasMessageContaining("check the URL and that the server is running");
    }

    @Test
    void aServerThatDiesMidwayGivesSourceUnavailableIssuesNotACrash() throws IOException {
        Capture capture = new Capture();
        FhirServerSource source = new FhirServerSource(server.baseUrl(), options);

        source.read(resource -> {
            capture.accept(resource);
            if (resource.origin().resourceType().equals("Observation")) {
                server.kill();
            }
        }, capture);

        assertThat(capture.resources.size()).isLessThan(TestFhirServer.totalResources());
        assertThat(capture.issues).isNotEmpty()
                .allSatisfy(issue -> assertThat(issue.kind()).isEqualTo(IssueKind.SOURCE_UNAVAILABLE));
        assertThat(capture.issues).extracting(IngestionIssue::message)
                .anySatisfy(message -> assertThat(message).contains("could not be reached"))
                .last().asString().contains("stopped reading after 5 failed requests in a row");
    }

    @Test
    void aFailingSearchIsAnIssueAndTheOtherSearchesAreRead() throws IOException {
        server.failingTypes.add("Condition");

        Capture capture = read(options);

        assertThat(capture.issues).hasSize(TestFhirServer.PATIENTS)
                .allSatisfy(issue -> {
                    assertThat(issue.kind()).isEqualTo(IssueKind.SOURCE_UNAVAILABLE);
                    assertThat(issue.origin()).isEqualTo(new ResourceOrigin(server.baseUrl(), 0, "Condition", null));
                    assertThat(issue.message()).contains("answered 500 (Internal Server Error)")
                            .doesNotContain("store is broken");
                });
        assertThat(capture.issues).extracting(IngestionIssue::message)
                .anySatisfy(message -> assertThat(message).startsWith("GET Condition?subject=Patient/p1&_count=50"));
        assertThat(capture.countsByType()).doesNotContainKey("Condition");
        assertThat(capture.countsByType().get("Observation"))
                .isEqualTo((long) TestFhirServer.PATIENTS * TestFhirServer.OBSERVATIONS_PER_PATIENT);
    }

    @Test
    void aSearchThatTakesTooLongTimesOut() throws IOException {
        server.slowTypes.add("Encounter");
        server.slowMillis = 1_500;

        Capture capture = read(options.withPatientIds(List.of("p1")).withTimeouts(Duration.ofSeconds(2),
                Duration.ofMillis(300)));

        assertThat(capture.issues).extracting(IngestionIssue::kind).containsExactly(IssueKind.SOURCE_UNAVAILABLE);
        assertThat(capture.issues.peek().message()).startsWith("GET Encounter?subject=Patient/p1")
                .contains("did not answer in time").contains("raise the read timeout");
        assertThat(capture.countsByType().get("Observation")).isEqualTo(TestFhirServer.OBSERVATIONS_PER_PATIENT);
    }

    @Test
    void aTypeTheServerDoesNotServeIsReportedOnceAndSkipped() throws IOException {
        Capture capture = read(options.withResourceTypes(List.of("Procedure", "Observation")));

        assertThat(capture.issues).extracting(IngestionIssue::kind).containsExactly(IssueKind.SOURCE_UNAVAILABLE);
        assertThat(capture.issues.peek().message()).contains("Procedure was skipped for all patients");
        assertThat(capture.countsByType().get("Observation"))
                .isEqualTo((long) TestFhirServer.PATIENTS * TestFhirServer.OBSERVATIONS_PER_PATIENT);
    }

    @Test
    void rejectsAResourceTypeThatCannotBeSearchedByPatient() {
        assertThatThrownBy(() -> new FhirServerSource(server.baseUrl(),
                options.withResourceTypes(List.of("Observaton"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Observaton' is not an R4 resource type");
        assertThatThrownBy(() -> new FhirServerSource(server.baseUrl(),
                options.withResourceTypes(List.of("Organization"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Organization has neither a subject nor a patient search parameter");
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(options.toString()).doesNotContain(TestFhirServer.TOKEN).contains("bearerToken=***");
    }
}
