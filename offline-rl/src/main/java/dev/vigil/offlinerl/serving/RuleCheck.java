package dev.vigil.offlinerl.serving;

import dev.vigil.safety.cost.RuleStatus;

/**
 * One safety rule evaluated for a state and an action.
 *
 * @param ruleId e.g. {@code sepsis.map-low}
 * @param status satisfied, violated or not evaluable (an input is missing)
 * @param cost the rule's weight when violated, else 0 (costs are non-negative)
 * @param rationale why the rule exists, from the rule set
 */
public record RuleCheck(String ruleId, RuleStatus status, double cost, String rationale) {
}
