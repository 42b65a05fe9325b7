package dev.vigil.offlinerl.serving;

import dev.vigil.safety.guardian.GuardVerdict;
import java.util.List;

/**
 * A served policy's judgement of one action in one state: the guardian's verdict and every rule's cost.
 *
 * @param choice the action judged
 * @param guardian the verdict on (state, action)
 * @param rules every rule evaluated on (previous state, state, action)
 * @param totalCost the sum of the rule costs
 */
public record ActionAssessment(DoseChoice choice, GuardVerdict guardian, List<RuleCheck> rules, double totalCost) {

    public ActionAssessment {
        rules = List.copyOf(rules);
    }

    /** Ids of the violated rules. */
    public List<String> violated() {
        return rules.stream().filter(r -> r.status() == dev.vigil.safety.cost.RuleStatus.VIOLATED)
                .map(RuleCheck::ruleId).toList();
    }
}
