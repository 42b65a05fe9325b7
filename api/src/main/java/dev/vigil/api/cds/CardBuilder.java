package dev.vigil.api.cds;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.recommend.RecommendationViews;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.ingestion.cohort.ActionSource;
import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.Code;
import dev.vigil.ingestion.cohort.IngredientSpec;
import dev.vigil.offlinerl.serving.ActionAssessment;
import dev.vigil.offlinerl.serving.DoseChoice;
import dev.vigil.offlinerl.serving.Recommendation;
import dev.vigil.offlinerl.serving.RuleCheck;
import dev.vigil.offlinerl.serving.SimilarPatient;
import dev.vigil.safety.cost.RuleStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/**
 * Builds CDS Hooks cards: uuid, indicator, summary under 140 characters, source naming the model version, markdown
 * detail with the evidence, suggestions carrying FHIR MedicationRequests (create actions), and a link into the UI.
 */
final class CardBuilder {

    static final int MAX_SUMMARY = 139;
    private final ObjectMapper json;
    private final FhirContext fhir;
    private final String uiBase;
    private final boolean smartLink;

    CardBuilder(ObjectMapper json, FhirContext fhir, String uiBase, boolean smartLink) {
        this.json = json;
        this.fhir = fhir;
        this.uiBase = uiBase.endsWith("/") ? uiBase.substring(0, uiBase.length() - 1) : uiBase;
        this.smartLink = smartLink;
    }

    /** The patient-view card of a recommendation. */
    ObjectNode recommendation(Recommendation r, ServedModel model, String patientId, List<String> notes) {
        boolean out = !r.inSupport();
        String indicator = out ? "critical" : r.totalCost() > 0 ? "warning" : "info";
        DoseChoice shown = r.recommended();
        String summary = out ? "Outside data support: " + (shown == null ? "change nothing, clinician decides"
                : "continue current doses, no escalation") : "Suggest " + RecommendationViews.describe(shown, model);
        StringBuilder md = new StringBuilder();
        if (out) {
            md.append("**Outside the data's support.** The policy's suggestion (")
                    .append(RecommendationViews.describe(r.policyChoice(), model)).append(") is withheld. ")
                    .append(r.fallback().explanation()).append(".\n\n");
        } else {
            md.append("**Recommended:** ").append(RecommendationViews.describe(r.policyChoice(), model))
                    .append(String.format(Locale.ROOT, " (probability %.2f)", r.policyChoice().probability()))
                    .append("\n\n");
            if (!r.alternatives().isEmpty()) {
                md.append("Alternatives: ");
                md.append(String.join("; ", r.alternatives().stream().map(a -> RecommendationViews.describe(a, model)
                        + String.format(Locale.ROOT, " (%.2f)", a.probability())).toList())).append("\n\n");
            }
        }
        guardian(md, r.guardian().inSupport(), r.guardian().score(), r.guardian().threshold());
        rules(md, out && r.fallback().rules().size() > 0 ? r.fallback().rules() : r.rules());
        md.append("\n**Similar patients in the data** (distance in scaled units)\n\n")
                .append("| patient | bloc | distance | outcome |\n|---|---|---|---|\n");
        for (SimilarPatient p : r.similar()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s |%n", p.patientId(), p.bloc(), p.distance(),
                    p.died() == null ? "unknown" : p.died() ? "died" : "survived"));
        }
        versions(md, model, notes);
        ObjectNode card = card(indicator, summary, md.toString(), model, patientId);
        if (shown != null) {
            suggestion(card, "Order " + RecommendationViews.describe(shown, model), shown.doses(), model, patientId);
        }
        return card;
    }

    /** The order-select card of one draft order. */
    ObjectNode orderCheck(ActionAssessment assessed, String action, String orderId, Recommendation r,
            ServedModel model, String patientId, List<String> notes) {
        boolean out = !assessed.guardian().inSupport();
        List<String> violated = assessed.violated().stream().filter(id -> touches(id, action, model)).toList();
        int a = model.policy().actionNames().indexOf(action);
        String dose = RecommendationViews.describe(assessed.choice(), model).split(", ")[a];
        String indicator = out ? "critical" : violated.isEmpty() ? "info" : "warning";
        String summary = out ? "Draft " + dose + ": outside the data's support"
                : violated.isEmpty() ? "Draft " + dose + ": within the safety rules and data support"
                        : "Draft " + dose + ": violates " + String.join(", ", violated);
        StringBuilder md = new StringBuilder("Checked draft order MedicationRequest/" + orderId + " (" + dose
                + ") with the patient's current state and other doses.\n\n");
        if (out) {
            md.append("**Outside the data's support**: no patient in the data received this in a similar state.\n\n");
        }
        guardian(md, assessed.guardian().inSupport(), assessed.guardian().score(), assessed.guardian().threshold());
        rules(md, assessed.rules());
        md.append("\nThe served policy would give: ").append(RecommendationViews.describe(r.recommended() == null
                ? r.policyChoice() : r.recommended(), model)).append(r.inSupport() ? "" : " (outside the support: "
                        + "continue current doses)").append(".\n");
        versions(md, model, notes);
        ObjectNode card = card(indicator, summary, md.toString(), model, patientId);
        DoseChoice better = r.recommended();
        if ((out || !violated.isEmpty()) && better != null) {
            double[] only = new double[better.doses().length];
            only[a] = better.doses()[a];
            suggestion(card, "Replace with " + RecommendationViews.describe(better, model).split(", ")[a], only, model,
                    patientId);
        }
        return card;
    }

    /** A card saying why no recommendation is given (missing or stale vital signs). */
    ObjectNode cannotRecommend(MappedState mapped, ServedModel model, String patientId) {
        List<String> reasons = new java.util.ArrayList<>(mapped.missing().stream().map(m -> m + " missing").toList());
        reasons.addAll(mapped.stale());
        String summary = "No recommendation: " + String.join("; ", reasons);
        StringBuilder md = new StringBuilder("Vigil recommends only with current vital signs ("
                + String.join(", ", dev.vigil.api.recommend.StateAssembler.REQUIRED_VITALS) + ").\n\n");
        mapped.missing().forEach(m -> md.append("- ").append(m).append(": no value in the record\n"));
        mapped.stale().forEach(s -> md.append("- ").append(s).append("\n"));
        versions(md, model, mapped.notes());
        return card("warning", summary, md.toString(), model, patientId);
    }

    private ObjectNode card(String indicator, String summary, String detail, ServedModel model, String patientId) {
        ObjectNode card = json.createObjectNode();
        card.put("uuid", UUID.randomUUID().toString());
        card.put("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary);
        card.put("indicator", indicator);
        card.put("detail", detail);
        ObjectNode source = card.putObject("source");
        source.put("label", model.label() + " (" + model.ruleSet().id() + " " + model.ruleSet().version() + ")");
        source.put("url", uiBase + "/#/clinician/patients/" + patientId);
        ArrayNode links = card.putArray("links");
        ObjectNode link = links.addObject();
        link.put("label", "Open the patient in Vigil");
        if (smartLink) {
            link.put("url", uiBase + "/");
            link.put("type", "smart");
            link.put("appContext", "patient=" + patientId);
        } else {
            link.put("url", uiBase + "/#/clinician/patients/" + patientId);
            link.put("type", "absolute");
        }
        return card;
    }

    private void suggestion(ObjectNode card, String label, double[] doses, ServedModel model, String patientId) {
        ArrayNode actions = json.createArrayNode();
        List<ActionSpec> specs = model.cohort() == null ? List.of() : model.cohort().actions();
        List<String> names = model.policy().actionNames();
        for (int a = 0; a < doses.length; a++) {
            int index = a;
            ActionSpec spec = specs.stream().filter(s -> s.name().equals(names.get(index))).findFirst().orElse(null);
            if (spec == null || !(doses[a] > 0)) {
                continue;
            }
            ObjectNode action = actions.addObject();
            action.put("type", "create");
            action.put("description", "Order " + names.get(a) + " " + RecommendationViews.describe(
                    new DoseChoice(-1, new int[doses.length], doses, Double.NaN), model).split(", ")[a]);
            action.set("resource", medicationRequest(spec, doses[a], model, patientId));
        }
        if (actions.isEmpty()) {
            return;
        }
        ObjectNode suggestion = card.putArray("suggestions").addObject();
        suggestion.put("label", label.length() > 80 ? label.substring(0, 79) + "…" : label);
        suggestion.put("uuid", UUID.randomUUID().toString());
        suggestion.put("isRecommended", true);
        suggestion.set("actions", actions);
        card.put("selectionBehavior", "at-most-one");
    }

    private com.fasterxml.jackson.databind.JsonNode medicationRequest(ActionSpec spec, double dose, ServedModel model,
            String patientId) {
        IngredientSpec ingredient = spec.ingredients().stream().filter(i -> i.factorOrOne() == 1.0).findFirst()
                .orElse(spec.ingredients().get(0));
        Code code = ingredient.codes().get(0);
        MedicationRequest mr = new MedicationRequest();
        mr.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        mr.setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
        mr.getMedicationCodeableConcept().addCoding().setSystem(code.system()).setCode(code.code())
                .setDisplay(ingredient.name().replace('_', ' '));
        mr.setSubject(new Reference("Patient/" + patientId));
        mr.setAuthoredOn(Date.from(Instant.now()));
        mr.addNote().setText("Suggested by " + model.label() + ", model " + model.modelVersion());
        Dosage dosage = mr.addDosageInstruction();
        dosage.getRoute().addCoding().setSystem("http://snomed.info/sct").setCode("47625008")
                .setDisplay("Intravenous route");
        Quantity q = new Quantity().setValue(BigDecimal.valueOf(dose).setScale(3, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()).setSystem("http://unitsofmeasure.org").setCode(spec.unit()).setUnit(spec.unit());
        if (spec.source() == ActionSource.MEDICATION_RATE) {
            dosage.addDoseAndRate().setRate(q);
            dosage.setText(String.format(Locale.ROOT, "%s %.3f %s IV (norepinephrine equivalent)",
                    ingredient.name(), dose, spec.unit()));
        } else {
            long hours = model.policy().schema().blocLength().isZero() ? 4 : model.policy().schema().blocLength()
                    .toHours();
            dosage.addDoseAndRate().setDose(q);
            dosage.setTiming(new Timing().setRepeat(new Timing.TimingRepeatComponent().setPeriod(hours)
                    .setPeriodUnit(Timing.UnitsOfTime.H).setFrequency(1)));
            dosage.setText(String.format(Locale.ROOT, "%.0f %s IV over %d h", dose, spec.unit(), hours));
        }
        try {
            return json.readTree(fhir.newJsonParser().encodeResourceToString(mr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void guardian(StringBuilder md, boolean in, double score, double threshold) {
        md.append(String.format(Locale.ROOT, "**Guardian** (k-NN distance to the data): score %.3f, threshold %.3f: "
                + "%s%n%n", score, threshold, in ? "inside the data's support" : "OUTSIDE the data's support"));
    }

    private static void rules(StringBuilder md, List<RuleCheck> rules) {
        md.append("**Safety rules**\n\n| rule | status | cost |\n|---|---|---|\n");
        for (RuleCheck c : rules) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f |%n", c.ruleId(),
                    c.status() == RuleStatus.VIOLATED ? "**violated**" : c.status().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' '), c.cost()));
        }
    }

    private static void versions(StringBuilder md, ServedModel model, List<String> notes) {
        md.append("\n_Model ").append(model.modelVersion()).append("; data ").append(model.dataVersion(), 0, 12)
                .append("; rules ").append(model.ruleSet().id()).append(' ').append(model.ruleSet().version())
                .append("._\n");
        if (!notes.isEmpty()) {
            md.append("\nNotes: ").append(String.join("; ", notes.subList(0, Math.min(5, notes.size()))))
                    .append(notes.size() > 5 ? "; …" : "").append('\n');
        }
    }

    /** Whether a rule reads the action (so that a draft of it can violate it): rules on state alone are not blamed. */
    private static boolean touches(String ruleId, String action, ServedModel model) {
        return model.policy().ruleSet().rules().stream().filter(r -> r.id().equals(ruleId))
                .anyMatch(r -> r.condition().names().contains(action));
    }
}
