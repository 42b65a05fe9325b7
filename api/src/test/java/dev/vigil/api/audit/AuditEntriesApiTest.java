package dev.vigil.api.audit;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.recommend.RecommendationResource;
import dev.vigil.api.security.Roles;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.api.serving.ServingService;
import dev.vigil.common.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit trail for auditors: filters with a total count, and the report of one recommendation. */
@QuarkusTest
class AuditEntriesApiTest extends WithTestUsers {

    @Inject
    AuditTrail trail;

    @Inject
    ServingService serving;

    @Inject
    EntityManager em;

    private static AuditRecord record(String kind, String caller, String patient, String model) {
        String response = "{\"n\":\"" + UUID.randomUUID() + "\"}";
        return new AuditRecord(kind, caller, patient, Sha256.hex(response.getBytes(StandardCharsets.UTF_8)), response,
                model, "data", "rules");
    }

    @Test
    void filtersByUserPatientModelKindAndTimeWithATotalCount() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + tag;
        String bob = "bob-" + tag;
        List<AuditEntry> e = new ArrayList<>();
        e.add(trail.append(record("recommendation", alice, "p1-" + tag, "run " + tag + "-A ogsrl config x")));
        e.add(trail.append(record("recommendation", bob, "p1-" + tag, "run " + tag + "-B ogsrl config x")));
        e.add(trail.append(record("recommendation-feedback", alice, "p2-" + tag, "run " + tag + "-A ogsrl config x")));
        e.add(trail.append(record("recommendation", alice, "p2-" + tag, "run " + tag + "-A ogsrl config x")));
        e.add(trail.append(record("recommendation", alice, "p3-" + tag, "run " + tag + "_% ogsrl config x")));

        JsonPath byUser = as(Roles.AUDITOR).when().get("/api/audit/entries?user=" + alice).then().statusCode(200)
                .header(AuditResource.TOTAL_COUNT, "4").extract().jsonPath();
        assertThat(byUser.getList("seq", Long.class)).containsExactly(e.get(0).getSeq(), e.get(2).getSeq(),
                e.get(3).getSeq(), e.get(4).getSeq());
        assertThat(byUser.getString("[0].responseJson")).isEqualTo(e.get(0).getResponseJson());

        as(Roles.AUDITOR).when().get("/api/audit/entries?patient=p1-" + tag).then().statusCode(200)
                .header(AuditResource.TOTAL_COUNT, "2").body("caller", equalTo(List.of(alice, bob)));
        // The model filter is "contains" and literal: _ and % are not wildcards.
        as(Roles.AUDITOR).when().get("/api/audit/entries?model=" + tag + "-A").then()
                .header(AuditResource.TOTAL_COUNT, "3");
        as(Roles.AUDITOR).queryParam("model", tag + "_%").when().get("/api/audit/entries").then()
                .header(AuditResource.TOTAL_COUNT, "1").body("[0].seq", equalTo((int) e.get(4).getSeq()));
        as(Roles.AUDITOR).when().get("/api/audit/entries?user=" + alice + "&kind=recommendation-feedback").then()
                .header(AuditResource.TOTAL_COUNT, "1").body("[0].seq", equalTo((int) e.get(2).getSeq()));

        // Newest first, paged: the total stays the filter's, the page is the limit.
        as(Roles.AUDITOR).when().get("/api/audit/entries?user=" + alice + "&order=desc&limit=2").then()
                .header(AuditResource.TOTAL_COUNT, "4")
                .body("seq", equalTo(List.of((int) e.get(4).getSeq(), (int) e.get(3).getSeq())));
        as(Roles.AUDITOR).when().get("/api/audit/entries?user=" + alice + "&after=" + e.get(2).getSeq()).then()
                .header(AuditResource.TOTAL_COUNT, "4")
                .body("seq", equalTo(List.of((int) e.get(3).getSeq(), (int) e.get(4).getSeq())));

        // [from, to): set the recorded times by hand so that they differ.
        for (int i = 0; i < e.size(); i++) {
            long seq = e.get(i).getSeq();
            String at = "2030-01-0" + (i + 1) + " 00:00:00+00";
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE audit_entry SET recorded_at = CAST(?1 AS TIMESTAMP WITH TIME ZONE) WHERE seq = ?2")
                    .setParameter(1, at).setParameter(2, seq).executeUpdate());
        }
        as(Roles.AUDITOR).when().get("/api/audit/entries?user=" + alice + "&from=2030-01-02T00:00:00Z"
                + "&to=2030-01-05T00:00:00Z").then().statusCode(200)
                .header(AuditResource.TOTAL_COUNT, "2")
                .body("seq", equalTo(List.of((int) e.get(2).getSeq(), (int) e.get(3).getSeq())));
        restoreTimes(e);

        as(Roles.AUDITOR).when().get("/api/audit/entries?from=yesterday").then().statusCode(400)
                .body("detail", containsString("from must be an ISO-8601 instant"));
        as(Roles.AUDITOR).when().get("/api/audit/entries?limit=501").then().statusCode(400)
                .body("detail", containsString("limit must be 1..500"));
        as(Roles.AUDITOR).when().get("/api/audit/entries?order=sideways").then().statusCode(400);
        as(Roles.AUDITOR).when().get("/api/audit/entries?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z").then()
                .statusCode(400);
    }

    /** Puts the recorded times back (the chain must verify for the other tests). */
    private void restoreTimes(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE audit_entry SET recorded_at = ?1 WHERE seq = ?2")
                    .setParameter(1, entry.getRecordedAt()).setParameter(2, entry.getSeq()).executeUpdate());
        }
    }

    @Test
    void theReportOfARecommendationHasItsRulesGuardianVersionsAndEveryFeedback() {
        BedsideFixture.servedRun();
        String patient = serving.active(ServingService.SEPSIS).policy().data().episodes().get(1).id();
        String seq = as(Roles.CLINICIAN).when().get("/api/patients/" + patient + "/recommendation").then()
                .statusCode(200).extract().header(RecommendationResource.AUDIT_HEADER);
        JsonPath answer = as(Roles.AUDITOR).when().get("/api/audit/entries?after=" + (Long.parseLong(seq) - 1)
                + "&limit=1").then().extract().jsonPath();
        JsonPath recommendation = new JsonPath(answer.getString("[0].responseJson"));
        as(Roles.CLINICIAN).contentType("application/json").body("{\"outcome\":\"accepted\"}")
                .when().post("/api/recommendations/" + seq + "/feedback").then().statusCode(201);
        as(Roles.CLINICIAN).contentType("application/json")
                .body("{\"outcome\":\"overridden\",\"reason\":\"renal failure\",\"comment\":\"second look\"}")
                .when().post("/api/recommendations/" + seq + "/feedback").then().statusCode(201);

        JsonPath report = as(Roles.AUDITOR).when().get("/api/audit/entries/" + seq + "/report").then()
                .statusCode(200)
                .body("entry.seq", equalTo(Integer.parseInt(seq)))
                .body("entry.kind", equalTo("recommendation"))
                .body("entry.patientId", equalTo(patient))
                .body("verification.hashValid", equalTo(true))
                .body("verification.linked", equalTo(true))
                .body("verification.problem", nullValue())
                .body("rules.size()", equalTo(6))
                .body("guardian.method", equalTo(recommendation.getString("guardian.method")))
                .body("versions.runId", equalTo(recommendation.getString("versions.runId")))
                .body("feedback.size()", equalTo(2))
                .body("feedback[0].outcome", equalTo("accepted"))
                .body("feedback[0].service", equalTo("vigil-ui"))
                .body("feedback[0].card", equalTo("audit-" + seq))
                .body("feedback[1].outcome", equalTo("overridden"))
                .body("feedback[1].reason", equalTo("renal failure"))
                .body("feedback[1].comment", equalTo("second look"))
                .body("feedback[1].by", equalTo("t-clinician"))
                .extract().jsonPath();
        assertThat(report.getDouble("guardian.score")).isEqualTo(recommendation.getDouble("guardian.score"));
        assertThat(report.getDouble("guardian.threshold")).isEqualTo(recommendation.getDouble("guardian.threshold"));
        assertThat(report.getBoolean("outOfSupport")).isEqualTo(recommendation.getBoolean("outOfSupport"));
        assertThat(report.getBoolean("fallbackUsed"))
                .isEqualTo("fallback".equals(recommendation.getString("recommendedSource")));
        assertThat(report.getDouble("totalCost")).isEqualTo(recommendation.getDouble("totalCost"));
        assertThat(report.getList("rules.ruleId")).isEqualTo(recommendation.getList("rules.ruleId"));
        assertThat(report.getList("rules.cost")).isEqualTo(recommendation.getList("rules.cost"));

        // A changed entry reads as such in its report (and is put back).
        AuditEntry entry = trail.find(Long.parseLong(seq)).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE audit_entry SET caller = 'someone-else' WHERE seq = ?1").setParameter(1, entry.getSeq())
                .executeUpdate());
        as(Roles.AUDITOR).when().get("/api/audit/entries/" + seq + "/report").then().statusCode(200)
                .body("verification.hashValid", equalTo(false))
                .body("verification.problem", containsString("entry " + seq + " was changed"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE audit_entry SET caller = ?1 WHERE seq = ?2").setParameter(1, entry.getCaller())
                .setParameter(2, entry.getSeq()).executeUpdate());

        long feedbackSeq = trail.headSeq();
        as(Roles.AUDITOR).when().get("/api/audit/entries/" + feedbackSeq + "/report").then().statusCode(404)
                .body("detail", containsString("not a recommendation"));
        as(Roles.AUDITOR).when().get("/api/audit/entries/999999999/report").then().statusCode(404);
        as(Roles.CLINICIAN).when().get("/api/audit/entries/" + seq + "/report").then().statusCode(403);
        as(Roles.RESEARCHER).when().get("/api/audit/entries/" + seq + "/report").then().statusCode(403);
        as(Roles.ADMIN).when().get("/api/audit/entries/" + seq + "/report").then().statusCode(200);
    }
}
