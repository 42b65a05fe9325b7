package dev.vigil.api.cds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.oneOf;

import dev.vigil.api.WithTestUsers;
import dev.vigil.api.audit.AuditEntry;
import dev.vigil.api.audit.AuditTrail;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.api.serving.ServingService;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.units.UnitConverter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CDS Hooks: discovery, both services with prefetch and with a FHIR server, feedback, JWTs, audit. */
@QuarkusTest
@QuarkusTestResource(CdsTestIssuers.class)
class CdsHooksTest extends WithTestUsers {

    @Inject
    ServingService serving;

    @Inject
    AuditTrail audit;

    @Inject
    CdsServices services;

    ServedModel model;
    Episode episode;

    @BeforeEach
    void served() {
        BedsideFixture.servedRun();
        model = serving.active(ServingService.SEPSIS);
        episode = model.policy().data().episodes().get(3);
    }

    static String url(String service) {
        return "http://localhost:" + RestAssured.port + "/cds-services/" + service;
    }

    static String token(String service) {
        return CdsTestIssuers.es256(CdsTestIssuers.claims(CdsTestIssuers.JWKS_ISSUER, url(service)).build());
    }

    String hookRequest(String hook, String prefetch, String extraContext) {
        return "{\"hook\":\"" + hook + "\",\"hookInstance\":\"" + java.util.UUID.randomUUID() + "\","
                + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"" + episode.id() + "\"" + extraContext + "}"
                + (prefetch == null ? "" : ",\"prefetch\":" + prefetch) + "}";
    }

    Response post(String service, String body, String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .when().post("/cds-services/" + service);
    }

    @Test
    void discoveryListsBothServicesWithPrefetchTemplates() {
        given().when().get("/cds-services").then().statusCode(200)
                .body("services.id", hasItems(CdsServices.PATIENT_VIEW, CdsServices.ORDER_SELECT))
                .body("services.hook", hasItems("patient-view", "order-select"))
                .body("services[0].prefetch.patient", equalTo("Patient/{{context.patientId}}"))
                .body("services[0].prefetch.vitals", containsString("Observation?patient={{context.patientId}}"))
                .body("services[0].prefetch.medications", containsString("MedicationAdministration?patient="));
    }

    @Test
    void prefetchMapsBackToTheDatasetState() {
        // Whole seconds: FHIR dateTimes here carry seconds, and a fluid split by overlap must not lose a fraction.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        PatientFhir fhir = PatientFhir.of(model, episode);
        var prefetch = new com.fasterxml.jackson.databind.ObjectMapper();
        HookCall call;
        try {
            call = HookCall.parse(prefetch.readTree(hookRequest("patient-view", fhir.prefetchJson(model.cohort(), now),
                    "")), "patient-view");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PatientData data = new PrefetchLoader(PatientFhir.FHIR).load(call);
        MappedState mapped = new FhirStateMapper(UnitConverter.load()).map(model, data.patient(), data.observations(),
                data.administrations(), now);

        double[] expected = ((ContinuousStates) episode.states()).values()[episode.steps() - 1];
        double[] got = mapped.state().features();
        List<String> names = model.policy().featureNames();
        for (int f = 0; f < names.size(); f++) {
            if (Double.isNaN(expected[f])) {
                continue;
            }
            // Age in whole years here.
            double tolerance = names.get(f).equals("age") ? 1.0 : 1e-6 * Math.max(1, Math.abs(expected[f]));
            assertThat(got[f]).as(names.get(f)).isCloseTo(expected[f], within(tolerance));
        }
        assertThat(mapped.state().currentDoses()[0]).isCloseTo(fhir.fluid, within(1e-6));
        assertThat(mapped.state().currentDoses()[1]).isCloseTo(fhir.vasopressor, within(1e-6));
        assertThat(mapped.usable()).isTrue();
    }

    @Test
    void patientViewAnswersWithACardAndAuditsIt() {
        String body = hookRequest("patient-view", PatientFhir.of(model, episode).prefetchJson(model.cohort(),
                Instant.now()), "");
        JsonPath card = post(CdsServices.PATIENT_VIEW, body, token(CdsServices.PATIENT_VIEW)).then().statusCode(200)
                .body("cards.size()", equalTo(1))
                .body("cards[0].indicator", oneOf("info", "warning", "critical"))
                .body("cards[0].source.label", containsString("run " + model.runId().substring(0, 8)))
                .body("cards[0].detail", containsString("Safety rules"))
                .body("cards[0].detail", containsString("sepsis.map-low"))
                .body("cards[0].detail", containsString("Similar patients"))
                .body("cards[0].links[0].url", containsString("/#/clinician/patients/" + episode.id()))
                .body("cards[0].links[0].type", equalTo("absolute"))
                .extract().jsonPath();
        assertThat(card.getString("cards[0].summary")).hasSizeLessThan(140);
        assertThat(card.getString("cards[0].uuid")).matches("[0-9a-f-]{36}");
        if (card.getList("cards[0].suggestions") != null) {
            assertThat(card.getString("cards[0].suggestions[0].actions[0].type")).isEqualTo("create");
            assertThat(card.getString("cards[0].suggestions[0].actions[0].resource.resourceType"))
                    .isEqualTo("MedicationRequest");
            assertThat(card.getString("cards[0].selectionBehavior")).isEqualTo("at-most-one");
        }
        List<AuditEntry> entries = audit.forPatient(episode.id(), 1);
        assertThat(entries.get(0).getKind()).isEqualTo("cds-patient-view");
        assertThat(entries.get(0).getCaller()).isEqualTo("cds:" + CdsTestIssuers.JWKS_ISSUER + " ehr-client");
        assertThat(entries.get(0).getResponseJson()).contains(card.getString("cards[0].uuid"));
        assertThat(entries.get(0).getModelVersion()).contains(model.runId());
    }

    /** Issue 7 item 3: an EHR's feedback on a card is part of the card's per-recommendation report. */
    @Test
    void cardFeedbackAppearsInTheRecommendationsAuditReport() {
        String body = hookRequest("patient-view", PatientFhir.of(model, episode).prefetchJson(model.cohort(),
                Instant.now()), "");
        String card = post(CdsServices.PATIENT_VIEW, body, token(CdsServices.PATIENT_VIEW)).then().statusCode(200)
                .extract().path("cards[0].uuid");
        long seq = audit.forPatient(episode.id(), 1).get(0).getSeq();
        String feedback = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":"
                + "\"2026-11-27T08:05:00Z\",\"overrideReason\":{\"reason\":{\"code\":\"renal\",\"display\":"
                + "\"Renal failure\"},\"userComment\":\"fluids kept low\"}}]}";
        given().header("Authorization", "Bearer " + CdsTestIssuers.es256(CdsTestIssuers.claims(
                CdsTestIssuers.JWKS_ISSUER, url(CdsServices.PATIENT_VIEW)).build())).contentType("application/json")
                .body(feedback).when().post("/cds-services/" + CdsServices.PATIENT_VIEW + "/feedback").then()
                .statusCode(200);

        dev.vigil.api.TestUsers.as(dev.vigil.api.security.Roles.AUDITOR).when()
                .get("/api/audit/entries/" + seq + "/report").then().statusCode(200)
                .body("entry.kind", equalTo("cds-patient-view"))
                .body("verification.hashValid", equalTo(true))
                .body("cards[0].uuid", equalTo(card))
                .body("cards[0].detail", containsString("Safety rules"))
                .body("feedback.size()", equalTo(1))
                .body("feedback[0].card", equalTo(card))
                .body("feedback[0].service", equalTo(CdsServices.PATIENT_VIEW))
                .body("feedback[0].outcome", equalTo("overridden"))
                .body("feedback[0].reasonCode", equalTo("renal"))
                .body("feedback[0].reason", equalTo("Renal failure"))
                .body("feedback[0].comment", equalTo("fluids kept low"))
                .body("feedback[0].by", equalTo("cds:" + CdsTestIssuers.JWKS_ISSUER + " ehr-client"))
                .body("feedback[0].at", containsString("2026-11-27T08:05"));
    }

    @Test
    void outsideTheSupportTheCardIsCriticalAndSaysSoFirst() {
        PatientFhir fhir = PatientFhir.of(model, episode);
        fhir.values.put("heart_rate", 240.0);
        fhir.values.put("map", 280.0);
        fhir.values.put("spo2", 40.0);
        fhir.values.put("lactate", 28.0);
        fhir.values.put("temperature", 44.0);
        fhir.values.put("resp_rate", 75.0);
        post(CdsServices.PATIENT_VIEW, hookRequest("patient-view", fhir.prefetchJson(model.cohort(), Instant.now()), ""),
                token(CdsServices.PATIENT_VIEW)).then().statusCode(200)
                .body("cards[0].indicator", equalTo("critical"))
                .body("cards[0].summary", containsString("Outside data support"))
                .body("cards[0].detail", containsString("**Outside the data's support.**"));
    }

    @Test
    void missingOrStaleVitalSignsGiveAWarningCardNamingThem() {
        PatientFhir fhir = PatientFhir.of(model, episode);
        fhir.values.remove("map");
        fhir.ages.put("heart_rate", Duration.ofHours(9));
        post(CdsServices.PATIENT_VIEW, hookRequest("patient-view", fhir.prefetchJson(model.cohort(), Instant.now()), ""),
                token(CdsServices.PATIENT_VIEW)).then().statusCode(200)
                .body("cards[0].indicator", equalTo("warning"))
                .body("cards[0].summary", containsString("map missing"))
                .body("cards[0].summary", containsString("heart_rate was measured 9 h"));
    }

    @Test
    void missingPrefetchWithoutAFhirServerIs412WithAnOperationOutcome() {
        post(CdsServices.PATIENT_VIEW, hookRequest("patient-view", null, ""), token(CdsServices.PATIENT_VIEW)).then()
                .statusCode(412)
                .contentType(containsString("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("required"))
                .body("issue[0].diagnostics", containsString("patient, vitals, labs, medications"));
    }

    @Test
    void withoutPrefetchItFetchesFromTheFhirServerWithTheBearerToken() throws Exception {
        String prefetch = PatientFhir.of(model, episode).prefetchJson(model.cohort(), Instant.now());
        try (TestFhirServer server = TestFhirServer.serving(prefetch, "ehr-access-token")) {
            String body = "{\"hook\":\"patient-view\",\"hookInstance\":\"h-1\",\"fhirServer\":\"" + server.base()
                    + "\",\"fhirAuthorization\":{\"access_token\":\"ehr-access-token\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":\"vigil\"},"
                    + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"" + episode.id() + "\"}}";
            post(CdsServices.PATIENT_VIEW, body, token(CdsServices.PATIENT_VIEW)).then().statusCode(200)
                    .body("cards[0].detail", containsString("Safety rules"));
            assertThat(server.paths()).anyMatch(p -> p.startsWith("/fhir/Patient/" + episode.id()))
                    .anyMatch(p -> p.startsWith("/fhir/Observation"))
                    .anyMatch(p -> p.startsWith("/fhir/MedicationAdministration"));
            assertThat(server.unauthorised()).isZero();
        }
    }

    @Test
    void orderSelectChecksADraftVasopressorAgainstTheRules() {
        String prefetch = PatientFhir.of(model, episode).prefetchJson(model.cohort(), Instant.now());
        String high = draft("mr-1", "7512", 0.9, "ug/kg/min");
        JsonPath card = post(CdsServices.ORDER_SELECT, hookRequest("order-select", prefetch,
                ",\"selections\":[\"MedicationRequest/mr-1\"],\"draftOrders\":" + high),
                token(CdsServices.ORDER_SELECT)).then().statusCode(200)
                .body("cards.size()", equalTo(1))
                .body("cards[0].indicator", oneOf("warning", "critical"))
                .body("cards[0].detail", containsString("MedicationRequest/mr-1"))
                .extract().jsonPath();
        if (card.getString("cards[0].indicator").equals("warning")) {
            assertThat(card.getString("cards[0].summary")).contains("violates sepsis.vasopressor-high");
        }
        assertThat(card.getString("cards[0].detail")).containsPattern("sepsis.vasopressor-high \\| \\*\\*violated");

        // Vasopressin in U/min converts to norepinephrine equivalents (2.5 per U/min): 0.04 U/min = 0.1.
        String other = draft("mr-2", "161", 500, "mg");
        post(CdsServices.ORDER_SELECT, hookRequest("order-select", prefetch, ",\"draftOrders\":" + other),
                token(CdsServices.ORDER_SELECT)).then().statusCode(200).body("cards.size()", equalTo(0));
        String vasopressin = draft("mr-3", "11149", 0.04, "U/min");
        post(CdsServices.ORDER_SELECT, hookRequest("order-select", prefetch, ",\"draftOrders\":" + vasopressin),
                token(CdsServices.ORDER_SELECT)).then().statusCode(200)
                .body("cards[0].detail", containsString("vasopressor 0.100 µg/kg/min"));
    }

    static String draft(String id, String rxnorm, double value, String unit) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":"
                + "\"MedicationRequest\",\"id\":\"" + id + "\",\"status\":\"draft\",\"intent\":\"order\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
                + "\"code\":\"" + rxnorm + "\"}]},\"subject\":{\"reference\":\"Patient/x\"},\"dosageInstruction\":[{"
                + "\"doseAndRate\":[{\"rateQuantity\":{\"value\":" + value + ",\"system\":\"http://unitsofmeasure.org\","
                + "\"code\":\"" + unit + "\"}}]}]}}]}";
    }

    @Test
    void feedbackIsStoredWithTheOverrideReasonAndAudited() {
        String card = java.util.UUID.randomUUID().toString();
        String body = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":"
                + "\"2026-11-27T08:00:00Z\",\"overrideReason\":{\"reason\":{\"code\":\"patient-preference\","
                + "\"system\":\"http://example.org/reasons\",\"display\":\"Patient preference\"},\"userComment\":"
                + "\"family asked to wait\"}}]}";
        String feedbackUrl = url(CdsServices.PATIENT_VIEW);
        given().header("Authorization", "Bearer " + CdsTestIssuers.rs384(CdsTestIssuers.claims(
                CdsTestIssuers.PEM_ISSUER, feedbackUrl).build())).contentType("application/json").body(body)
                .when().post("/cds-services/" + CdsServices.PATIENT_VIEW + "/feedback").then().statusCode(200);
        List<CdsFeedback> stored = services.feedbackFor(card);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getOutcome()).isEqualTo("overridden");
        assertThat(stored.get(0).getOverrideReasonCode()).isEqualTo("patient-preference");
        assertThat(stored.get(0).getUserComment()).isEqualTo("family asked to wait");
        assertThat(stored.get(0).getCaller()).isEqualTo("cds:" + CdsTestIssuers.PEM_ISSUER + " ehr-client");
        AuditEntry last = audit.page(audit.headSeq() - 1, 1).get(0);
        assertThat(last.getKind()).isEqualTo("cds-feedback");
        assertThat(last.getResponseJson()).contains(card).contains("patient-preference");

        given().header("Authorization", "Bearer " + CdsTestIssuers.rs384(CdsTestIssuers.claims(
                CdsTestIssuers.PEM_ISSUER, feedbackUrl).build())).contentType("application/json")
                .body("{\"feedback\":[{\"card\":\"x\",\"outcome\":\"maybe\",\"outcomeTimestamp\":\"2026-11-27T08:00:00Z\"}]}")
                .when().post("/cds-services/" + CdsServices.PATIENT_VIEW + "/feedback").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("feedback[0].outcome"));
    }

    @Test
    void malformedRequestsAreRefusedWithOperationOutcomes() {
        String ok = token(CdsServices.PATIENT_VIEW);
        post(CdsServices.PATIENT_VIEW, "{not json", ok).then().statusCode(400).body("resourceType",
                equalTo("OperationOutcome"));
        post(CdsServices.PATIENT_VIEW, "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{}}",
                token(CdsServices.PATIENT_VIEW)).then().statusCode(400)
                .body("issue[0].diagnostics", containsString("patient-view"));
        post(CdsServices.PATIENT_VIEW, "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{}}",
                token(CdsServices.PATIENT_VIEW)).then().statusCode(400)
                .body("issue[0].diagnostics", containsString("context.patientId"));
        post(CdsServices.PATIENT_VIEW, hookRequest("patient-view", "{\"patient\":{\"resourceType\":\"Nope\"},"
                + "\"vitals\":{},\"labs\":{},\"medications\":{}}", ""), token(CdsServices.PATIENT_VIEW)).then()
                .statusCode(400).body("issue[0].diagnostics", containsString("prefetch.patient"));
        given().header("Authorization", "Bearer " + token("no-such-service")).contentType("application/json")
                .body("{}").when().post("/cds-services/no-such-service").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void refusesCallersWithoutAnAcceptableJwt() {
        String service = CdsServices.PATIENT_VIEW;
        String body = hookRequest("patient-view", null, "");
        var claims = CdsTestIssuers.claims(CdsTestIssuers.JWKS_ISSUER, url(service));
        refused(given(), body, "Authorization: Bearer");
        refused(given().header("Authorization", "Bearer " + CdsTestIssuers.hs256(claims.build())), body,
                "HS256 is refused");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes()) + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"iss\":\"" + CdsTestIssuers.JWKS_ISSUER + "\"}").getBytes()) + ".";
        refused(given().header("Authorization", "Bearer " + none), body, "not a signed JWT");
        refused(given().header("Authorization", "Bearer " + CdsTestIssuers.es256(CdsTestIssuers.claims(
                "https://evil.example", url(service)).build())), body, "not on this service's allow-list");
        refused(given().header("Authorization", "Bearer " + CdsTestIssuers.es256(CdsTestIssuers.claims(
                CdsTestIssuers.JWKS_ISSUER, "https://elsewhere.example/cds-services/x").build())), body, "refused");
        refused(given().header("Authorization", "Bearer " + CdsTestIssuers.es256ByStranger(claims.build())), body,
                "refused");
        java.util.Date past = new java.util.Date(System.currentTimeMillis() - 600_000);
        refused(given().header("Authorization", "Bearer " + CdsTestIssuers.es256(CdsTestIssuers.claims(
                CdsTestIssuers.JWKS_ISSUER, url(service)).issueTime(past).expirationTime(
                new java.util.Date(past.getTime() + 60_000)).build())), body, "refused");
        refused(given().header("Authorization", "Bearer " + CdsTestIssuers.es256(CdsTestIssuers.claims(
                CdsTestIssuers.JWKS_ISSUER, url(service)).expirationTime(new java.util.Date(System.currentTimeMillis()
                + 3_600_000)).build())), body, "more than 5 minutes");
        refused(given().header("Authorization", "Bearer " + CdsTestIssuers.es256(CdsTestIssuers.claims(
                CdsTestIssuers.JWKS_ISSUER, url(service)).jwtID(null).build())), body, "jti");
        String once = CdsTestIssuers.es256(claims.build());
        given().header("Authorization", "Bearer " + once).contentType("application/json").body(body)
                .when().post("/cds-services/" + service).then().statusCode(412);
        refused(given().header("Authorization", "Bearer " + once), body, "was used before");
        // The RS384 issuer's static PEM key works too.
        given().header("Authorization", "Bearer " + CdsTestIssuers.rs384(CdsTestIssuers.claims(
                CdsTestIssuers.PEM_ISSUER, url(service)).build())).contentType("application/json").body(body)
                .when().post("/cds-services/" + service).then().statusCode(412);
        assertThat(CdsTestIssuers.JWKS_REQUESTS.get()).isPositive();
    }

    private static void refused(io.restassured.specification.RequestSpecification request, String body,
            String detail) {
        request.contentType("application/json").body(body).when().post("/cds-services/" + CdsServices.PATIENT_VIEW)
                .then().statusCode(401)
                .contentType(containsString("application/fhir+json"))
                .header("WWW-Authenticate", "Bearer")
                .body("issue[0].code", equalTo("security"))
                .body("issue[0].diagnostics", containsString(detail));
    }
}
