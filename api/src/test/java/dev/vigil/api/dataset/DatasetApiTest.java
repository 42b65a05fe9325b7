package dev.vigil.api.dataset;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.vigil.api.SyntheticCohorts;
import dev.vigil.api.WithTestUsers;
import dev.vigil.api.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ingestion jobs and datasets through the REST API, from an upload to a patient timeline and a CSV. */
@QuarkusTest
class DatasetApiTest extends WithTestUsers {

    private static final Path WORK = Path.of("target", "test-cohorts");

    @Test
    void uploadsNdjsonIngestsItAndServesTheDataset() {
        Path cohort = SyntheticCohorts.withOneBadLine(WORK, 8, 101);
        RequestSpecification upload = as(Roles.RESEARCHER).multiPart("cohort", "icu-sepsis").multiPart("name", "api-8");
        for (Path file : SyntheticCohorts.ndjsonFiles(cohort)) {
            upload = upload.multiPart("file", file.toFile(), "application/x-ndjson");
        }
        String jobId = upload.when().post("/api/ingestions").then()
                .statusCode(202)
                .body("state", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "SUCCEEDED"))
                .extract().path("jobId");

        JsonPath job = awaitJob(jobId);
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("SUCCEEDED");
        String datasetId = job.getString("datasetId");
        assertThat(datasetId).matches("[0-9a-f]{64}");

        as(Roles.RESEARCHER).when().get("/api/datasets").then().statusCode(200).body("id", hasItem(datasetId));
        JsonPath detail = as(Roles.RESEARCHER).when().get("/api/datasets/" + datasetId).then().statusCode(200)
                .body("name", equalTo("api-8"))
                .body("source", equalTo("upload:Condition.ndjson,Encounter.ndjson,MedicationAdministration.ndjson,"
                        + "Observation.ndjson,Patient.ndjson"))
                .body("cohortId", equalTo("icu-sepsis"))
                .body("episodes", equalTo(8))
                .body("featureNames", hasItem("heart_rate"))
                .body("report.resourcesByType.Patient", equalTo(8))
                .body("report.issuesByKind.MALFORMED", equalTo(1))
                .body("report.examples.MALFORMED[0].origin", containsString("Observation.ndjson line"))
                .extract().jsonPath();
        assertThat(detail.getLong("errorCount")).isEqualTo(1);
        assertThat(detail.getList("featureUnits", String.class)).contains("/min", "mm[Hg]");

        String episodeId = as(Roles.RESEARCHER).when().get("/api/datasets/" + datasetId + "/episodes?limit=3").then()
                .statusCode(200).body("total", equalTo(8)).body("items.size()", equalTo(3))
                .extract().path("items[0].episodeId");
        JsonPath timeline = as(Roles.RESEARCHER).when().get("/api/datasets/" + datasetId + "/episodes/" + episodeId)
                .then().statusCode(200)
                .body("anchorLabel", equalTo("sepsis onset"))
                .body("blocLengthMinutes", equalTo(240))
                .extract().jsonPath();
        List<Object> steps = timeline.getList("steps");
        assertThat(steps).isNotEmpty();
        assertThat(timeline.getList("steps[0].features")).hasSameSizeAs(timeline.getList("featureNames"));
        assertThat(timeline.getString("steps[1].start")).isNotNull();

        as(Roles.RESEARCHER).when().get("/api/datasets/" + datasetId + "/csv").then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("api-8"))
                .body(startsWith("episode,step,"));

        // The job's uploaded files are gone once the job ended; the dataset keeps the data.
        assertThat(Path.of("target/test-data/uploads", jobId)).doesNotExist();
    }

    @Test
    void theSameInputGivesTheSameDatasetId() {
        Path cohort = SyntheticCohorts.withOneBadLine(WORK, 3, 202);
        String first = awaitJob(upload(cohort, "same-1")).getString("datasetId");
        String second = awaitJob(upload(cohort, "same-1")).getString("datasetId");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aCohortNobodyFitsFailsWithTheReason() throws Exception {
        Path onlyPatients = Files.createDirectories(WORK.resolve("only-patients"));
        Files.copy(SyntheticCohorts.withOneBadLine(WORK, 3, 202).resolve("Patient.ndjson"),
                onlyPatients.resolve("Patient.ndjson"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JsonPath job = awaitJob(upload(onlyPatients, "nobody"));
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("error")).contains("No patient").contains("icu-sepsis");
        assertThat(job.getString("datasetId")).isNull();
    }

    @Test
    void anUnreachableFhirServerFailsTheJobClearly() {
        String jobId = as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"cohort\":\"icu-sepsis\",\"name\":\"remote\",\"fhirServerUrl\":\"http://127.0.0.1:9/fhir\"}")
                .when().post("/api/ingestions").then().statusCode(202).extract().path("jobId");
        JsonPath job = awaitJob(jobId);
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("error")).contains("127.0.0.1:9");
    }

    @Test
    void refusesAnUnknownCohortAndUnsafeFileNames() {
        Path cohort = SyntheticCohorts.withOneBadLine(WORK, 3, 202);
        as(Roles.RESEARCHER).multiPart("cohort", "no-such-cohort").multiPart("name", "x")
                .multiPart("file", cohort.resolve("Patient.ndjson").toFile())
                .when().post("/api/ingestions").then()
                .statusCode(400).body("detail", containsString("no-such-cohort"));
        as(Roles.RESEARCHER).multiPart("cohort", "icu-sepsis").multiPart("name", "x")
                .multiPart("file", "bad name;rm.ndjson", "{}".getBytes())
                .when().post("/api/ingestions").then()
                .statusCode(400).body("detail", containsString("is not allowed"));
        as(Roles.RESEARCHER).multiPart("cohort", "icu-sepsis").multiPart("name", "x")
                .multiPart("file", "notes.txt", "hello".getBytes())
                .when().post("/api/ingestions").then()
                .statusCode(400).body("detail", containsString(".ndjson"));
    }

    @Test
    void datasetsAreForResearchers() {
        as(Roles.CLINICIAN).when().get("/api/datasets").then().statusCode(403);
        as(Roles.AUDITOR).when().get("/api/ingestions").then().statusCode(403);
        as(Roles.RESEARCHER).when().get("/api/datasets/" + "0".repeat(64)).then().statusCode(404)
                .body("detail", containsString("No dataset"));
        as(Roles.RESEARCHER).when().get("/api/cohorts").then().statusCode(200)
                .body("id", hasItem("icu-sepsis")).body("id", hasItem("hcc-tace"));
    }

    private static String upload(Path folder, String name) {
        RequestSpecification upload = as(Roles.RESEARCHER).multiPart("cohort", "icu-sepsis").multiPart("name", name);
        for (Path file : SyntheticCohorts.ndjsonFiles(folder)) {
            upload = upload.multiPart("file", file.toFile(), "application/x-ndjson");
        }
        return upload.when().post("/api/ingestions").then().statusCode(202).extract().path("jobId");
    }

    private static JsonPath awaitJob(String jobId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath job = as(Roles.RESEARCHER).when().get("/api/ingestions/" + jobId).then().statusCode(200)
                    .extract().jsonPath();
            String state = job.getString("state");
            if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Job " + jobId + " still " + state + " after 120 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
