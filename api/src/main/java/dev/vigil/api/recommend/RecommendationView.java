package dev.vigil.api.recommend;

import java.time.Instant;
import java.util.List;

/**
 * A recommendation as the API answers it. The first fields say whether the case is outside the data's support
 * and what to do; the rest is the evidence.
 *
 * @param outOfSupport the guardian put (state, policy's choice) outside the data's support
 * @param critical the answer needs a clinician's attention before anything else (out of support)
 * @param headline the answer in one sentence, out-of-support first
 * @param recommendedSource {@code policy}, or {@code fallback} when out of support
 * @param recommended the action to show: the policy's choice, or the fallback's doses (null when the current doses
 *     are unknown)
 * @param fallback the conservative option used out of support, else null
 * @param policyChoice the policy's most probable action (shown for transparency even when withheld)
 * @param alternatives the next most probable actions
 * @param guardian the guardian's verdict on (state, policy's choice)
 * @param rules every safety rule on (previous state, state, policy's choice)
 * @param totalCost the sum of the rule costs (non-negative; a violated rule costs its weight)
 * @param similarPatients the nearest patients of the data support
 * @param versions model, data and rule versions
 * @param notes what the answer assumed, e.g. features filled with training means
 */
public record RecommendationView(boolean outOfSupport, boolean critical, String headline, String recommendedSource,
        ChoiceView recommended, FallbackView fallback, ChoiceView policyChoice, List<ChoiceView> alternatives,
        GuardianView guardian, List<RuleView> rules, double totalCost, List<SimilarView> similarPatients,
        VersionsView versions, String patientId, Instant at, List<String> notes) {

    /** One action: per dose its bin. */
    public record ChoiceView(Integer actionId, List<DoseView> doses, Double probability) {
    }

    /**
     * One dose in clinical units with its bin.
     *
     * @param binLow the bin's lower edge (exclusive; 0 for bin 1), null for bin 0
     * @param binHigh the bin's upper edge (inclusive), null for the open top bin and bin 0
     */
    public record DoseView(String action, double dose, String unit, String display, int bin, Double binLow,
            Double binHigh) {
    }

    /** The guardian's verdict: in support when score >= threshold. */
    public record GuardianView(boolean inSupport, double score, double threshold, String method) {
    }

    /** One safety rule evaluated. */
    public record RuleView(String ruleId, String status, double cost, String rationale) {
    }

    /** The fallback option. */
    public record FallbackView(String option, boolean currentDosesKnown, String explanation, List<RuleView> rules) {
    }

    /** A similar patient of the data support. */
    public record SimilarView(String patientId, int bloc, double distance, String outcome) {
    }

    /** What the answer came from. */
    public record VersionsView(String useCase, String runId, String algorithm, String configSha256,
            String codeVersion, String datasetId, String datasetSha256, String ruleSet, String ruleSetSha256,
            String promotionId) {
    }
}
