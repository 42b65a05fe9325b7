package dev.vigil.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.cds.CdsFeedback;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the per-recommendation report of an audit entry. Feedback is linked as it is stored: Vigil's page stores
 * it with card {@code audit-<seq>} (RecommendationService.feedback), an EHR names the uuid of a card it was sent
 * (CdsServices.feedback).
 */
@ApplicationScoped
public class RecommendationReports {

    /** The kinds of entry that are recommendations (the others are feedback on them). */
    public static final Set<String> RECOMMENDATION_KINDS = Set.of("recommendation", "cds-patient-view",
            "cds-order-select");

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * @throws NotFoundException when no entry has this sequence number or it is not a recommendation
     */
    public RecommendationReport of(long seq) {
        AuditEntry entry = trail.find(seq).orElseThrow(() -> new NotFoundException("No audit entry " + seq));
        if (!RECOMMENDATION_KINDS.contains(entry.getKind())) {
            throw new NotFoundException("Audit entry " + seq + " is a " + entry.getKind() + ", not a recommendation "
                    + "(kinds " + String.join(", ", RECOMMENDATION_KINDS.stream().sorted().toList()) + ")");
        }
        AuditVerifier.EntryCheck check = verifier.check(entry);
        JsonNode response = parse(entry.getResponseJson());
        List<RecommendationReport.Card> cards = new ArrayList<>();
        List<String> cardIds = new ArrayList<>();
        if (entry.getKind().equals("recommendation")) {
            cardIds.add("audit-" + seq);
        } else {
            for (JsonNode card : response.path("cards")) {
                String uuid = card.path("uuid").asText(null);
                cards.add(new RecommendationReport.Card(uuid, card.path("indicator").asText(null),
                        card.path("summary").asText(null), card.path("detail").asText(null)));
                if (uuid != null) {
                    cardIds.add(uuid);
                }
            }
        }
        boolean rest = entry.getKind().equals("recommendation");
        return new RecommendationReport(AuditResource.EntryView.of(entry), check,
                rest ? text(response, "headline") : null,
                rest ? bool(response, "outOfSupport") : null,
                rest ? bool(response, "critical") : null,
                rest ? (Boolean) "fallback".equals(text(response, "recommendedSource")) : null,
                node(response, "recommended"), node(response, "policyChoice"), node(response, "fallback"),
                node(response, "guardian"), node(response, "rules"),
                response.path("totalCost").isNumber() ? response.path("totalCost").asDouble() : null,
                node(response, "versions"), cards, feedback(cardIds));
    }

    private List<RecommendationReport.Feedback> feedback(List<String> cardIds) {
        if (cardIds.isEmpty()) {
            return List.of();
        }
        List<CdsFeedback> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from CdsFeedback f where f.cardUuid in :cards order by f.recordedAt, f.id", CdsFeedback.class)
                .setParameter("cards", cardIds).getResultList());
        return rows.stream().map(f -> new RecommendationReport.Feedback(f.getId(), f.getServiceId(), f.getCardUuid(),
                f.getOutcome(), f.getOverrideReasonCode(), f.getOverrideReasonText(), f.getUserComment(),
                f.getAcceptedSuggestions(), f.getCaller(), f.getOutcomeTimestamp(), f.getRecordedAt())).toList();
    }

    /** The response as JSON; a response that is not JSON (e.g. a row rewritten by hand) reads as empty. */
    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static JsonNode node(JsonNode response, String field) {
        JsonNode value = response.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static String text(JsonNode response, String field) {
        JsonNode value = response.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Boolean bool(JsonNode response, String field) {
        JsonNode value = response.get(field);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }
}
