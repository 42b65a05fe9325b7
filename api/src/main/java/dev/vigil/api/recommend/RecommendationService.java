package dev.vigil.api.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.api.audit.AuditEntry;
import dev.vigil.api.audit.AuditRecord;
import dev.vigil.api.audit.AuditTrail;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.api.serving.ServingService;
import dev.vigil.common.Sha256;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.offlinerl.serving.ClinicalState;
import dev.vigil.offlinerl.serving.Recommendation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers recommendation requests from the served policy and writes each answer to the audit trail before it
 * is returned: an answer that could not be audited is not given.
 */
@ApplicationScoped
public class RecommendationService {

    public static final String AUDIT_KIND = "recommendation";

    @Inject
    ServingService serving;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.persistence.EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Requests are hashed in one canonical JSON form: map keys sorted. Made once; copying a mapper is costly. */
    private ObjectMapper canonical;

    @jakarta.annotation.PostConstruct
    void canonicalMapper() {
        canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** The answer as sent (the audited JSON), its audit sequence number, and the view it was written from. */
    public record Answer(String json, long auditSeq, RecommendationView view) {
    }

    /** For a posted state. */
    public Answer forState(RecommendationRequest request, String caller) {
        String useCase = request.useCase() == null || request.useCase().isBlank() ? ServingService.SEPSIS
                : request.useCase();
        ServedModel model = serving.active(useCase);
        Instant now = clock.instant();
        ClinicalState state = StateAssembler.assemble(request, model, now);
        Recommendation r = model.policy().recommend(state);
        Instant at = request.at() == null ? now : request.at();
        RecommendationView view = RecommendationViews.of(r, model, request.patientId(), at, notes(state, model));
        return audited(view, model, caller, request.patientId(), sha256(canonical(request)));
    }

    /** For the latest bloc of a patient of the served policy's dataset. */
    public Answer forPatient(String patientId, String useCase, String caller) {
        String chosen = useCase == null || useCase.isBlank() ? ServingService.SEPSIS : useCase;
        ServedModel model = serving.active(chosen);
        Episode episode = model.policy().data().episodes().stream().filter(e -> e.id().equals(patientId)).findFirst()
                .orElseThrow(() -> new InvalidStateException(404, "Patient " + patientId + " is not in dataset "
                        + model.datasetName() + " (" + model.datasetId().substring(0, 12) + "), which the policy "
                        + "serving " + chosen + " learned from"));
        int t = episode.steps() - 1;
        double[][] states = ((ContinuousStates) episode.states()).values();
        double[][] actions = ((ContinuousActions) episode.actions()).values();
        StateAssembler.requireVitals(states[t], model.policy().featureNames(), " at patient " + patientId
                + "'s latest bloc (" + t + ")");
        double[] current = null;
        if (t > 0) {
            current = actions[t - 1].clone();
            for (int a = 0; a < current.length; a++) {
                current[a] = Double.isNaN(current[a]) ? 0 : current[a];
            }
        }
        ClinicalState state = new ClinicalState(states[t], t > 0 ? states[t - 1] : null, current);
        Recommendation r = model.policy().recommend(state);
        Instant at = episode.provenance() == null ? null
                : episode.provenance().start().plus(model.policy().schema().blocLength().multipliedBy(t));
        RecommendationView view = RecommendationViews.of(r, model, patientId, at, notes(state, model));
        String request = "GET /api/patients/" + patientId + "/recommendation?useCase=" + chosen;
        return audited(view, model, caller, patientId, sha256(request));
    }

    /** What a clinician did with a recommendation, as stored. */
    public record FeedbackView(String id, long recommendationSeq, String outcome, String reason, String comment,
            String by, Instant at, long auditSeq) {
    }

    /**
     * Records a clinician's acceptance or override (with a reason) of a recommendation given earlier, stored like
     * CDS Hooks feedback and audited.
     *
     * @throws InvalidStateException 404 when {@code seq} is not a recommendation, 400 for a bad outcome or a missing
     *     override reason
     */
    public FeedbackView feedback(long seq, String outcome, String reason, String comment, String user) {
        String normalised = outcome == null ? "" : outcome.trim().toLowerCase(java.util.Locale.ROOT);
        if (!normalised.equals("accepted") && !normalised.equals("overridden")) {
            throw new InvalidStateException(400, "outcome must be accepted or overridden; got '" + outcome + "'");
        }
        if (normalised.equals("overridden") && (reason == null || reason.isBlank())) {
            throw new InvalidStateException(400, "An override needs a reason");
        }
        List<AuditEntry> found = audit.page(seq - 1, 1);
        if (found.isEmpty() || found.get(0).getSeq() != seq || !AUDIT_KIND.equals(found.get(0).getKind())) {
            throw new InvalidStateException(404, "No recommendation has audit sequence number " + seq);
        }
        AuditEntry recommendation = found.get(0);
        Instant now = clock.instant();
        dev.vigil.api.cds.CdsFeedback row = dev.vigil.api.cds.CdsFeedback.fromUi(seq, normalised,
                reason == null ? null : dev.vigil.common.Texts.truncate(reason.strip(), 1000),
                comment == null ? null : dev.vigil.common.Texts.truncate(comment.strip(), 2000), user, now);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.persist(row));
        FeedbackView view = new FeedbackView(row.getId(), seq, normalised, row.getOverrideReasonText(),
                row.getUserComment(), user, now, 0);
        String body;
        try {
            body = json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the feedback as JSON", e);
        }
        AuditEntry entry = audit.append(new AuditRecord("recommendation-feedback", user,
                recommendation.getPatientId(), sha256(seq + " " + normalised + " " + reason + " " + comment), body,
                recommendation.getModelVersion(), recommendation.getDataVersion(), recommendation.getRuleVersion()));
        return new FeedbackView(row.getId(), seq, normalised, row.getOverrideReasonText(), row.getUserComment(), user,
                now, entry.getSeq());
    }

    private Answer audited(RecommendationView view, ServedModel model, String caller, String patientId,
            String requestSha256) {
        String body;
        try {
            body = json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the recommendation as JSON", e);
        }
        AuditEntry entry = audit.append(new AuditRecord(AUDIT_KIND, caller, patientId, requestSha256, body,
                model.modelVersion(), model.dataVersion(), model.ruleVersion()));
        return new Answer(body, entry.getSeq(), view);
    }

    private static List<String> notes(ClinicalState state, ServedModel model) {
        List<String> missing = new ArrayList<>();
        double[] f = state.features();
        for (int i = 0; i < f.length; i++) {
            if (Double.isNaN(f[i])) {
                missing.add(model.policy().featureNames().get(i));
            }
        }
        List<String> notes = new ArrayList<>();
        if (!missing.isEmpty()) {
            notes.add("Not measured, so filled with the training mean for the policy, the guardian and the similar "
                    + "patients (rules on them are not evaluable): " + String.join(", ", missing));
        }
        if (state.previousFeatures() == null) {
            notes.add("No previous bloc: rules on changes (rising lactate) are not evaluable");
        }
        return notes;
    }

    private String canonical(RecommendationRequest request) {
        try {
            return canonical.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the request as JSON", e);
        }
    }

    private static String sha256(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
