package dev.vigil.offlinerl.serving;

import dev.vigil.safety.guardian.GuardVerdict;
import java.util.List;

/**
 * A served policy's answer for one state.
 *
 * @param policyChoice the policy's most probable action
 * @param alternatives the next most probable actions, most probable first
 * @param guardian the guardian's verdict on (state, policy choice)
 * @param rules every rule of the rule set evaluated on (previous state, state, policy choice)
 * @param totalCost the sum of the rule costs
 * @param similar the nearest patients of the dataset, nearest first
 * @param fallback when the guardian says the case is outside the support: the conservative option that replaces
 *     the policy's choice ({@link Fallback}); null when in support
 */
public record Recommendation(DoseChoice policyChoice, List<DoseChoice> alternatives, GuardVerdict guardian,
        List<RuleCheck> rules, double totalCost, List<SimilarPatient> similar, Fallback fallback) {

    public Recommendation {
        alternatives = List.copyOf(alternatives);
        rules = List.copyOf(rules);
        similar = List.copyOf(similar);
    }

    /** Whether the guardian put the case inside the data's support. */
    public boolean inSupport() {
        return guardian.inSupport();
    }

    /** The action to show: the policy's choice in support, the fallback otherwise. */
    public DoseChoice recommended() {
        return fallback == null ? policyChoice : fallback.choice();
    }
}
