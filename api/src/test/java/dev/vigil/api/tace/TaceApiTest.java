package dev.vigil.api.tace;

import static dev.vigil.api.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.ingestion.IngestionRunner;
import dev.vigil.api.security.Roles;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TACE endpoints with a real world model trained on the tiny fixture cohort. */
@QuarkusTest
class TaceApiTest extends WithTestUsers {

    @Inject
    IngestionRunner ingestion;

    @Inject
    WorldModelTraining training;

    @Inject
    WorldModelRegistry registry;

    private WorldModelRecord model;
    private TaceFixturePatients patients;

    @BeforeEach
    void worldModel() {
        model = TaceFixture.worldModel(ingestion, training, registry);
        patients = TaceFixturePatients.fromGroundTruth();
    }

    @Test
    void cliniciansListPatientsAndRankPlansWithImages() {
        String newest = registry.requireNewest().getId();
        as(Roles.CLINICIAN).when().get("/api/tace/patients").then().statusCode(200)
                .body("worldModelId", equalTo(newest))
                .body("patients.size()", equalTo(TaceFixture.PATIENTS))
                .body("patients.id", hasItem(patients.eligible()));

        JsonPath plan = as(Roles.CLINICIAN).contentType("application/json").body("{\"k\":2,\"seed\":3,\"provider\":\"cpu\"}")
                .when().post("/api/tace/patients/" + patients.eligible() + "/plans").then().statusCode(200)
                .extract().jsonPath();
        assertThat(plan.getString("patientId")).isEqualTo(patients.eligible());
        assertThat(plan.getString("worldModelId")).isEqualTo(newest);
        assertThat(plan.getString("executionProvider")).isEqualTo("CPU");
        assertThat(plan.getInt("simulationsPerPlan")).isEqualTo(2);
        assertThat(plan.getInt("depth")).isEqualTo(TaceFixture.SIZE);
        assertThat(plan.getBoolean("recommendable")).isTrue();
        List<Float> risks = plan.getList("plans.risk", Float.class);
        assertThat(risks).hasSize(ProtocolSpace.VALID_COUNT).isSorted();
        assertThat(plan.getList("plans.recommended", Boolean.class)).containsOnlyOnce(true).first().isEqualTo(true);
        assertThat(plan.getList("plans.hasImages", Boolean.class).stream().filter(b -> b).count()).isEqualTo(3);
        assertThat(plan.getList("plans[0].curveDays")).hasSameSizeAs(plan.getList("plans[0].curveSurvival"));

        String base = "/api/tace/patients/" + patients.eligible() + "/plans/1/slices/";
        for (String kind : List.of("pre", "post")) {
            byte[] png = as(Roles.CLINICIAN).when().get(base + "8?kind=" + kind).then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
        as(Roles.CLINICIAN).when().get("/api/tace/patients/" + patients.eligible() + "/plans").then().statusCode(200)
                .body("seed", equalTo(3));
        as(Roles.CLINICIAN).when().get("/api/tace/patients").then().statusCode(200)
                .body("patients.find { it.id == '" + patients.eligible() + "' }.planned", equalTo(true));
    }

    @Test
    void aContraindicatedPatientGetsPlansButNoRecommendation() {
        JsonPath plan = as(Roles.CLINICIAN).contentType("application/json").body("{\"k\":1,\"provider\":\"cpu\"}")
                .when().post("/api/tace/patients/" + patients.contraindicated() + "/plans").then().statusCode(200)
                .extract().jsonPath();
        assertThat(plan.getBoolean("recommendable")).isFalse();
        assertThat(plan.getList("contraindications", String.class))
                .anyMatch(c -> c.startsWith(patients.contraindicationRule()));
        assertThat(plan.getList("plans.recommended", Boolean.class)).isNotEmpty().doesNotContain(true);
        assertThat(plan.getList("plans[0].safetyFlags", String.class))
                .anyMatch(c -> c.startsWith(patients.contraindicationRule()));
    }

    @Test
    void badInputIsAProblemDetail() {
        as(Roles.CLINICIAN).contentType("application/json").body("{}").when()
                .post("/api/tace/patients/no-such-patient/plans").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("Patient 'no-such-patient' is not in dataset"));
        as(Roles.CLINICIAN).contentType("application/json").body("{\"k\":0}").when()
                .post("/api/tace/patients/" + patients.eligible() + "/plans").then().statusCode(400)
                .body("detail", containsString("k (simulations per plan) must be 1..64"));
        as(Roles.CLINICIAN).contentType("application/json").body("{\"provider\":\"tpu\"}").when()
                .post("/api/tace/patients/" + patients.eligible() + "/plans").then().statusCode(400)
                .body("detail", containsString("tpu"));

        as(Roles.CLINICIAN).contentType("application/json").body("{\"k\":1,\"provider\":\"cpu\"}").when()
                .post("/api/tace/patients/" + patients.eligible() + "/plans").then().statusCode(200);
        String base = "/api/tace/patients/" + patients.eligible() + "/plans/";
        as(Roles.CLINICIAN).when().get(base + "1/slices/3?kind=side").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("kind must be one of [pre, post]"));
        as(Roles.CLINICIAN).when().get(base + "1/slices/3").then().statusCode(400);
        as(Roles.CLINICIAN).when().get(base + "1/slices/" + TaceFixture.SIZE + "?kind=pre").then().statusCode(400)
                .body("detail", containsString("slice z must be 0.." + (TaceFixture.SIZE - 1)));
        as(Roles.CLINICIAN).when().get(base + "1/slices/-1?kind=pre").then().statusCode(400);
        as(Roles.CLINICIAN).when().get(base + "1/slices/abc?kind=pre").then().statusCode(400)
                .body("detail", containsString("z must be an integer"));
        as(Roles.CLINICIAN).when().get(base + "50/slices/3?kind=pre").then().statusCode(404)
                .body("detail", containsString("rank 50 has none"));
        as(Roles.CLINICIAN).when().get("/api/tace/patients/never-planned/plans/1/slices/3?kind=pre").then()
                .statusCode(404).body("detail", containsString("No plans for patient 'never-planned' yet"));
    }

    @Test
    void researchersReadTheWorldModelsManifest() {
        WorldModelRecord newest = registry.requireNewest();
        as(Roles.RESEARCHER).when().get("/api/tace/world-model").then().statusCode(200)
                .body("id", equalTo(newest.getId()))
                .body("datasetId", equalTo(newest.getDatasetId()))
                .body("manifest.id", equalTo(newest.getId()))
                .body("manifest.format", equalTo("vigil-world-model/2"))
                .body("manifest.trainedOn", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        assertThat(model.getPath()).contains(WorldModelRegistry.FOLDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.AUDITOR, Roles.RESEARCHER, Roles.ADMIN})
    void onlyCliniciansPlan(String role) {
        as(role).when().get("/api/tace/patients").then().statusCode(403).contentType("application/problem+json");
        as(role).contentType("application/json").body("{}").when()
                .post("/api/tace/patients/" + patients.eligible() + "/plans").then().statusCode(403);
        as(role).when().get("/api/tace/patients/" + patients.eligible() + "/plans/1/slices/1?kind=pre").then()
                .statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.AUDITOR, Roles.CLINICIAN, Roles.ADMIN})
    void onlyResearchersSeeTheWorldModel(String role) {
        as(role).when().get("/api/tace/world-model").then().statusCode(403)
                .body("detail", containsString("Your roles do not allow this"));
    }

    @Test
    void anonymousCallsAre401() {
        given().when().get("/api/tace/patients").then().statusCode(401);
        given().when().get("/api/tace/world-model").then().statusCode(401);
    }
}
