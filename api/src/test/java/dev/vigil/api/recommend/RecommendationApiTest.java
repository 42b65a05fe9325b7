package dev.vigil.api.recommend;

import static dev.vigil.api.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.WithTestUsers;
import dev.vigil.api.audit.AuditEntry;
import dev.vigil.api.audit.AuditTrail;
import dev.vigil.api.security.Roles;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.api.serving.ServingService;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recommendation API: stored patients, posted states, out-of-support fallback, bad input, roles, audit. */
@QuarkusTest
class RecommendationApiTest extends WithTestUsers {

    @Inject
    ServingService serving;

    @Inject
    AuditTrail audit;

    ServedModel model;
    Episode episode;

    @BeforeEach
    void served() {
        BedsideFixture.servedRun();
        model = serving.active(ServingService.SEPSIS);
        episode = model.policy().data().episodes().get(0);
    }

    Map<String, Double> latestFeatures() {
        double[] row = ((ContinuousStates) episode.states()).values()[episode.steps() - 1];
        Map<String, Double> features = new LinkedHashMap<>();
        List<String> names = model.policy().featureNames();
        for (int f = 0; f < names.size(); f++) {
            if (!Double.isNaN(row[f])) {
                features.put(names.get(f), row[f]);
            }
        }
        return features;
    }

    String json(Object value) throws Exception {
        return new ObjectMapper().findAndRegisterModules().writeValueAsString(value);
    }

    @Test
    void recommendsForAStoredPatientWithEvidenceAndAuditsTheAnswer() {
        var response = as(Roles.CLINICIAN).when().get("/api/patients/" + episode.id() + "/recommendation").then()
                .statusCode(200)
                .body("versions.runId", equalTo(model.runId()))
                .body("versions.algorithm", equalTo("ogsrl"))
                .body("versions.datasetSha256", equalTo(model.dataVersion()))
                .body("versions.ruleSet", equalTo("sepsis-bedside@1.0.0"))
                .body("policyChoice.doses[0].action", equalTo("iv_fluid"))
                .body("policyChoice.doses[0].unit", equalTo("mL"))
                .body("policyChoice.doses[0].display", containsString("mL per 4 h"))
                .body("policyChoice.doses[1].action", equalTo("vasopressor"))
                .body("policyChoice.doses[1].display", containsString("µg/kg/min"))
                .body("rules.size()", equalTo(6))
                .body("similarPatients.size()", equalTo(5))
                .body("patientId", equalTo(episode.id()))
                .extract();
        JsonPath body = response.jsonPath();
        assertThat(body.getDouble("guardian.threshold")).isLessThan(0);
        assertThat(body.getBoolean("outOfSupport")).isEqualTo(!body.getBoolean("guardian.inSupport"));
        assertThat(body.getString("headline")).startsWith(body.getBoolean("outOfSupport") ? "OUTSIDE" : "Recommended");
        assertThat(body.getString("similarPatients[0].outcome")).isIn("died", "survived", "unknown");
        assertThat(body.getDouble("policyChoice.probability")).isBetween(0.0, 1.0);
        // The patient's own latest bloc is in the data: the nearest similar patient is the patient, at distance 0.
        assertThat(body.getString("similarPatients[0].patientId")).isEqualTo(episode.id());
        assertThat(body.getDouble("similarPatients[0].distance")).isZero();

        long seq = Long.parseLong(response.header(RecommendationResource.AUDIT_HEADER));
        AuditEntry entry = audit.page(seq - 1, 1).get(0);
        assertThat(entry.getSeq()).isEqualTo(seq);
        assertThat(entry.getKind()).isEqualTo("recommendation");
        assertThat(entry.getCaller()).isEqualTo("t-clinician");
        assertThat(entry.getPatientId()).isEqualTo(episode.id());
        assertThat(entry.getResponseJson()).isEqualTo(response.asString());
        assertThat(entry.getRuleVersion()).startsWith("sepsis-bedside@1.0.0 sha256:");
        assertThat(entry.getDataVersion()).isEqualTo(model.dataVersion());
    }

    @Test
    void aPostedStateGetsThePolicysChoiceForThatState() throws Exception {
        int expected = model.policy().recommend(new dev.vigil.offlinerl.serving.ClinicalState(
                ((ContinuousStates) episode.states()).values()[episode.steps() - 1], null, null))
                .policyChoice().actionId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = json(Map.of("patientId", episode.id(), "at", now.toString(), "features", latestFeatures(),
                "measuredAt", Map.of("heart_rate", now.minusSeconds(1800).toString()),
                "currentDoses", Map.of("iv_fluid", 250.0, "vasopressor", 0.05)));
        as(Roles.CLINICIAN).contentType("application/json").body(body).when().post("/api/recommendations").then()
                .statusCode(200)
                .header(RecommendationResource.AUDIT_HEADER, org.hamcrest.Matchers.matchesPattern("[0-9]+"))
                .body("policyChoice.actionId", equalTo(expected))
                .body("notes[0]", containsString("No previous bloc"));
    }

    @Test
    void outsideTheSupportItSaysSoFirstAndContinuesTheCurrentDoses() throws Exception {
        Map<String, Double> features = latestFeatures();
        features.put("heart_rate", 240.0);
        features.put("map", 280.0);
        features.put("spo2", 40.0);
        features.put("lactate", 28.0);
        features.put("resp_rate", 75.0);
        String body = json(Map.of("features", features, "currentDoses", Map.of("iv_fluid", 500.0,
                "vasopressor", 0.1)));
        JsonPath answer = as(Roles.CLINICIAN).contentType("application/json").body(body)
                .when().post("/api/recommendations").then().statusCode(200)
                .body("outOfSupport", equalTo(true))
                .body("critical", equalTo(true))
                .body("headline", startsWith("OUTSIDE THE DATA'S SUPPORT"))
                .body("recommendedSource", equalTo("fallback"))
                .body("fallback.option", equalTo("continue-current-doses-no-escalation"))
                .body("recommended.doses[0].dose", equalTo(500.0f))
                .body("recommended.doses[1].dose", equalTo(0.1f))
                .extract().jsonPath();
        assertThat(answer.getDouble("guardian.score")).isLessThan(answer.getDouble("guardian.threshold"));
        String text = as(Roles.CLINICIAN).contentType("application/json").body(body)
                .when().post("/api/recommendations").then().extract().asString();
        assertThat(text.indexOf("outOfSupport")).isLessThan(text.indexOf("policyChoice"));
    }

    @Test
    void badInputGetsSpecificProblems() throws Exception {
        as(Roles.CLINICIAN).when().get("/api/patients/no-such-patient/recommendation").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("Patient no-such-patient is not in dataset"));

        Map<String, Object> unknown = Map.of("features", Map.of("heart_rate", 90.0, "map", 70.0, "spo2", 97.0,
                "heart_rat", 1.0));
        as(Roles.CLINICIAN).contentType("application/json").body(json(unknown)).when().post("/api/recommendations")
                .then().statusCode(400).body("detail", containsString("heart_rat"))
                .body("detail", containsString("It reads"));

        Map<String, Double> noMap = latestFeatures();
        noMap.remove("map");
        as(Roles.CLINICIAN).contentType("application/json").body(json(Map.of("features", noMap)))
                .when().post("/api/recommendations").then().statusCode(422)
                .body("detail", containsString("Missing vital signs: map"));

        Instant now = Instant.now();
        as(Roles.CLINICIAN).contentType("application/json").body(json(Map.of("features", latestFeatures(),
                "at", now.toString(), "measuredAt", Map.of("heart_rate", now.minusSeconds(9 * 3600 + 300).toString()))))
                .when().post("/api/recommendations").then().statusCode(422)
                .body("detail", containsString("heart_rate was measured 9 h 5 min ago (at most 8 h)"));

        as(Roles.CLINICIAN).contentType("application/json")
                .body("{\"features\":{\"heart_rate\":1e999,\"map\":70,\"spo2\":97}}")
                .when().post("/api/recommendations").then().statusCode(400)
                .body("detail", containsString("features.heart_rate is Infinity"));
        as(Roles.CLINICIAN).contentType("application/json")
                .body(json(Map.of("features", latestFeatures(), "currentDoses", Map.of("iv_fluid", 1.0))))
                .when().post("/api/recommendations").then().statusCode(400)
                .body("detail", containsString("currentDoses.vasopressor is missing"));
        as(Roles.CLINICIAN).contentType("application/json").body("{\"features\":{}}")
                .when().post("/api/recommendations").then().statusCode(400)
                .body("detail", containsString("No features given"));
        as(Roles.CLINICIAN).contentType("application/json").body(json(Map.of("useCase", "nothing-served",
                "features", latestFeatures()))).when().post("/api/recommendations").then().statusCode(409)
                .body("detail", containsString("No policy serves use case 'nothing-served'"));
    }

    @Test
    void cliniciansAcceptOrOverrideWithAReasonAndItIsAudited() {
        String seq = as(Roles.CLINICIAN).when().get("/api/patients/" + episode.id() + "/recommendation").then()
                .statusCode(200).extract().header(RecommendationResource.AUDIT_HEADER);
        as(Roles.CLINICIAN).contentType("application/json")
                .body("{\"outcome\":\"overridden\",\"reason\":\"renal failure\",\"comment\":\"kept fluids low\"}")
                .when().post("/api/recommendations/" + seq + "/feedback").then().statusCode(201)
                .body("recommendationSeq", equalTo(Integer.parseInt(seq)))
                .body("outcome", equalTo("overridden"))
                .body("reason", equalTo("renal failure"))
                .body("by", equalTo("t-clinician"));
        AuditEntry last = audit.page(audit.headSeq() - 1, 1).get(0);
        assertThat(last.getKind()).isEqualTo("recommendation-feedback");
        assertThat(last.getPatientId()).isEqualTo(episode.id());
        assertThat(last.getResponseJson()).contains("renal failure");

        as(Roles.CLINICIAN).contentType("application/json").body("{\"outcome\":\"overridden\"}")
                .when().post("/api/recommendations/" + seq + "/feedback").then().statusCode(400)
                .body("detail", containsString("needs a reason"));
        as(Roles.CLINICIAN).contentType("application/json").body("{\"outcome\":\"accepted\"}")
                .when().post("/api/recommendations/999999999/feedback").then().statusCode(404);
        as(Roles.AUDITOR).contentType("application/json").body("{\"outcome\":\"accepted\"}")
                .when().post("/api/recommendations/" + seq + "/feedback").then().statusCode(403);
    }

    @Test
    void onlyCliniciansAskForRecommendations() throws Exception {
        String body = json(Map.of("features", latestFeatures()));
        for (String role : List.of(Roles.AUDITOR, Roles.RESEARCHER, Roles.ADMIN)) {
            as(role).contentType("application/json").body(body).when().post("/api/recommendations").then()
                    .statusCode(403);
            as(role).when().get("/api/patients/" + episode.id() + "/recommendation").then().statusCode(403);
        }
        given().contentType("application/json").body(body).when().post("/api/recommendations").then().statusCode(401);
    }
}
