package dev.vigil.api.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.audit.AuditRecord;
import dev.vigil.api.audit.AuditTrail;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.api.serving.ServingService;
import dev.vigil.common.Sha256;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.offlinerl.serving.ActionAssessment;
import dev.vigil.offlinerl.serving.ClinicalState;
import dev.vigil.offlinerl.serving.Recommendation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;

/** The CDS Hooks services: discovery, answering hook calls with cards, and storing feedback. All audited. */
@ApplicationScoped
public class CdsServices {

    public static final String PATIENT_VIEW = "vigil-sepsis-patient-view";
    public static final String ORDER_SELECT = "vigil-sepsis-order-select";
    public static final Set<String> IDS = Set.of(PATIENT_VIEW, ORDER_SELECT);

    @Inject
    ServingService serving;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Inject
    CdsConfig config;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final FhirStateMapper mapper = new FhirStateMapper(UnitConverter.load());

    /** The discovery document. */
    public ObjectNode discovery() {
        ObjectNode root = json.createObjectNode();
        ArrayNode services = root.putArray("services");
        service(services, "patient-view", PATIENT_VIEW, "Vigil sepsis treatment recommendation",
                "IV fluid and vasopressor doses for an adult with sepsis from the served offline-RL policy, checked by "
                        + "an out-of-distribution guardian and the sepsis-bedside safety rules, with the evidence.");
        service(services, "order-select", ORDER_SELECT, "Vigil sepsis order check",
                "Checks a draft vasopressor or IV fluid MedicationRequest against the sepsis-bedside safety rules and "
                        + "the guardian, and suggests the served policy's dose when it fails.");
        return root;
    }

    private void service(ArrayNode services, String hook, String id, String title, String description) {
        ObjectNode s = services.addObject();
        s.put("hook", hook);
        s.put("id", id);
        s.put("title", title);
        s.put("description", description);
        ObjectNode prefetch = s.putObject("prefetch");
        PrefetchLoader.TEMPLATES.forEach(prefetch::put);
        s.put("usageRequirements", "Send a bearer JWT signed with an asymmetric key by an allow-listed issuer. "
                + "Vital signs in UCUM units; without prefetch, give fhirServer and fhirAuthorization.");
    }

    /** The response to a hook call, as sent and audited. */
    public String call(String serviceId, byte[] body, CdsCaller caller, String baseUrl) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (java.io.IOException e) {
            throw new CdsException(400, "invalid", "The request body is not JSON");
        }
        String hook = PATIENT_VIEW.equals(serviceId) ? "patient-view" : "order-select";
        HookCall call = HookCall.parse(tree, hook);
        ServedModel model;
        try {
            model = serving.active(ServingService.SEPSIS);
        } catch (dev.vigil.api.serving.NotServedException e) {
            throw new CdsException(503, "not-found", e.getMessage());
        }
        PatientData data = new PrefetchLoader(fhir).load(call);
        Instant now = clock.instant();
        MappedState mapped;
        try {
            mapped = mapper.map(model, data.patient(), data.observations(), data.administrations(), now);
        } catch (IllegalArgumentException e) {
            throw new CdsException(422, "not-supported", e.getMessage());
        }
        CardBuilder cards = new CardBuilder(json, fhir, config.uiBaseUrl().orElse(baseUrl),
                "smart".equalsIgnoreCase(config.linkType()));
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("cards");
        if (!mapped.usable()) {
            list.add(cards.cannotRecommend(mapped, model, call.patientId()));
        } else if (PATIENT_VIEW.equals(serviceId)) {
            Recommendation r = model.policy().recommend(mapped.state());
            list.add(cards.recommendation(r, model, call.patientId(), mapped.notes()));
        } else {
            orderCards(call, model, mapped, cards, list);
        }
        String text = write(response);
        audit.append(new AuditRecord("cds-" + hook, caller.auditName(), call.patientId(), Sha256.hex(body), text,
                model.modelVersion(), model.dataVersion(), model.ruleVersion()));
        return text;
    }

    private void orderCards(HookCall call, ServedModel model, MappedState mapped, CardBuilder cards, ArrayNode list) {
        JsonNode drafts = call.context().get("draftOrders");
        if (drafts == null || !drafts.isObject()) {
            throw new CdsException(400, "required", "context.draftOrders (a Bundle of the draft orders) is required");
        }
        Bundle bundle;
        try {
            bundle = fhir.newJsonParser().parseResource(Bundle.class, drafts.toString());
        } catch (DataFormatException e) {
            throw new CdsException(400, "invalid", "context.draftOrders is not a FHIR R4 Bundle");
        }
        List<String> selections = new ArrayList<>();
        JsonNode selected = call.context().get("selections");
        if (selected != null && selected.isArray()) {
            selected.forEach(s -> selections.add(s.asText()));
        }
        ClinicalState state = mapped.state();
        Recommendation r = model.policy().recommend(state);
        double weight = weight(state, model);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!(entry.getResource() instanceof MedicationRequest order)) {
                continue;
            }
            String id = order.getIdElement().getIdPart();
            if (!selections.isEmpty() && !selections.contains("MedicationRequest/" + id)) {
                continue;
            }
            if (!order.hasMedicationCodeableConcept()) {
                continue;
            }
            var codings = order.getMedicationCodeableConcept().getCoding();
            String action = FhirStateMapper.actionOf(model.cohort(), codings);
            if (action == null) {
                continue;
            }
            List<String> notes = new ArrayList<>(mapped.notes());
            Double amount = draftAmount(order, action, model, codings, weight, notes);
            if (amount == null) {
                list.add(cards.cannotRecommend(new MappedState(state, List.of(), List.of("the draft "
                        + "MedicationRequest/" + id + " has no dose or rate Vigil can read (" + String.join("; ", notes)
                        + ")"), notes), model, call.patientId()));
                continue;
            }
            double[] doses = state.currentDoses();
            doses[model.policy().actionNames().indexOf(action)] = amount;
            ActionAssessment assessed = model.policy().assess(state, doses);
            list.add(cards.orderCheck(assessed, action, id, r, model, call.patientId(), notes));
        }
    }

    /** A draft's amount in the action's unit: a rate for rate actions, a volume per bloc for dose actions. */
    private Double draftAmount(MedicationRequest order, String action, ServedModel model,
            List<org.hl7.fhir.r4.model.Coding> codings, double weight, List<String> notes) {
        if (order.getDosageInstruction().isEmpty() || order.getDosageInstructionFirstRep().getDoseAndRate().isEmpty()) {
            return null;
        }
        Dosage.DosageDoseAndRateComponent dr = order.getDosageInstructionFirstRep().getDoseAndRateFirstRep();
        String where = "MedicationRequest/" + order.getIdElement().getIdPart();
        boolean rateAction = model.cohort().actions().stream().anyMatch(a -> a.name().equals(action)
                && a.source() == dev.vigil.ingestion.cohort.ActionSource.MEDICATION_RATE);
        if (rateAction) {
            return dr.hasRateQuantity() ? mapper.orderAmount(model.cohort(), codings, dr.getRateQuantity(), weight,
                    notes, where) : null;
        }
        if (dr.hasDoseQuantity()) {
            return mapper.orderAmount(model.cohort(), codings, dr.getDoseQuantity(), weight, notes, where);
        }
        if (dr.hasRateQuantity()) {
            // A fluid rate (e.g. mL/h) becomes the volume of one bloc.
            Quantity rate = dr.getRateQuantity();
            long hours = model.cohort().blocLength().toHours();
            Quantity perBloc = new Quantity().setValue(rate.getValue().multiply(java.math.BigDecimal.valueOf(hours)))
                    .setCode("(" + (rate.hasCode() ? rate.getCode() : rate.getUnit()) + ").h");
            return mapper.orderAmount(model.cohort(), codings, perBloc, weight, notes, where);
        }
        return null;
    }

    private static double weight(ClinicalState state, ServedModel model) {
        int w = model.policy().featureNames().indexOf("weight");
        return w < 0 ? Double.NaN : state.features()[w];
    }

    /** Stores a feedback request's items and audits them; returns how many were stored. */
    public int feedback(String serviceId, byte[] body, CdsCaller caller) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (java.io.IOException e) {
            throw new CdsException(400, "invalid", "The request body is not JSON");
        }
        JsonNode items = tree == null ? null : tree.get("feedback");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new CdsException(400, "required", "feedback must be a non-empty array");
        }
        Instant now = clock.instant();
        List<CdsFeedback> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(item(serviceId, items.get(i), "feedback[" + i + "]", caller, now));
        }
        QuarkusTransaction.requiringNew().run(() -> rows.forEach(em::persist));
        ArrayNode stored = json.createArrayNode();
        for (CdsFeedback f : rows) {
            ObjectNode o = stored.addObject();
            o.put("id", f.getId());
            o.put("card", f.getCardUuid());
            o.put("outcome", f.getOutcome());
            o.put("overrideReason", f.getOverrideReasonCode());
            o.put("userComment", f.getUserComment());
        }
        ObjectNode record = json.createObjectNode();
        record.put("service", serviceId);
        record.set("stored", stored);
        audit.append(new AuditRecord("cds-feedback", caller.auditName(), null, Sha256.hex(body), write(record), "", "",
                ""));
        return rows.size();
    }

    private CdsFeedback item(String serviceId, JsonNode item, String where, CdsCaller caller, Instant now) {
        String card = item.path("card").asText("");
        if (card.isBlank() || card.length() > 100) {
            throw new CdsException(400, "required", where + ".card (the card's uuid) is required");
        }
        String outcome = item.path("outcome").asText("").toLowerCase(Locale.ROOT);
        if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
            throw new CdsException(400, "invalid", where + ".outcome must be accepted or overridden");
        }
        Instant at;
        try {
            at = Instant.parse(item.path("outcomeTimestamp").asText(""));
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            throw new CdsException(400, "required", where + ".outcomeTimestamp (an ISO-8601 instant) is required");
        }
        JsonNode reason = item.path("overrideReason").path("reason");
        String comment = item.path("overrideReason").path("userComment").asText(null);
        JsonNode accepted = item.get("acceptedSuggestions");
        return new CdsFeedback(UUID.randomUUID().toString(), serviceId, card, outcome, at,
                truncate(reason.path("code").asText(null), 200), truncate(reason.path("system").asText(null), 500),
                truncate(reason.path("display").asText(null), 1000), truncate(comment, 2000),
                accepted == null || accepted.isNull() ? null : truncate(accepted.toString(), 4000), caller.auditName(),
                now);
    }

    /** Feedback stored for a card, oldest first. */
    public List<CdsFeedback> feedbackFor(String cardUuid) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from CdsFeedback f where f.cardUuid = :c order by f.recordedAt", CdsFeedback.class)
                .setParameter("c", cardUuid).getResultList());
    }

    private static String truncate(String text, int max) {
        return text == null ? null : dev.vigil.common.Texts.truncate(text, max);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    static String sha256(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
