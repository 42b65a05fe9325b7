package dev.vigil.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What an auditor needs about one recommendation, from its audit entry: the entry and its own verification, what
 * was recommended and why (parsed from the response exactly as sent), and what the clinicians did with it.
 * REST recommendations (kind {@code recommendation}) carry every field; CDS Hooks calls ({@code cds-*}) carry
 * their cards, whose markdown detail holds the guardian and the rules, and leave the structured fields null.
 *
 * @param entry the audit entry
 * @param verification whether this entry's hash is valid and it links to the entry before it
 * @param headline the recommendation's headline (REST)
 * @param outOfSupport whether the guardian put the case outside the data's support
 * @param critical whether the answer was flagged critical
 * @param fallbackUsed whether the conservative fallback was recommended instead of the policy's choice
 * @param recommended the recommended doses (null when the decision was left to a clinician)
 * @param policyChoice the policy's own choice, shown even when withheld
 * @param fallback the fallback option with the rules evaluated on it
 * @param guardian inSupport, score, threshold, method
 * @param rules every rule checked: id, status, cost, rationale
 * @param totalCost the sum of the rules' costs
 * @param versions model, data and rule versions as the response named them (the entry's columns repeat them)
 * @param cards the CDS cards: uuid, indicator, summary, detail
 * @param feedback every feedback on this recommendation, oldest first
 */
public record RecommendationReport(AuditResource.EntryView entry, AuditVerifier.EntryCheck verification,
        String headline, Boolean outOfSupport, Boolean critical, Boolean fallbackUsed, JsonNode recommended,
        JsonNode policyChoice, JsonNode fallback, JsonNode guardian, JsonNode rules, Double totalCost,
        JsonNode versions, List<Card> cards, List<Feedback> feedback) {

    /** A CDS Hooks card as sent. */
    public record Card(String uuid, String indicator, String summary, String detail) {
    }

    /**
     * Accepted or overridden, by whom and when.
     *
     * @param service {@code vigil-ui} for Vigil's own page, else the CDS service the EHR sent it to
     * @param card the card uuid ({@code audit-<seq>} for Vigil's page)
     * @param reasonCode the override reason's code (CDS) or text (UI)
     * @param reason the override reason as text
     * @param by the user (UI) or the verified CDS caller
     * @param at when the clinician decided (CDS outcomeTimestamp; for the UI when it was stored)
     */
    public record Feedback(String id, String service, String card, String outcome, String reasonCode,
            String reason, String comment, String acceptedSuggestions, String by, Instant at, Instant recordedAt) {
    }
}
