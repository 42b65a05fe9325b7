package dev.vigil.safety.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of one step under a rule set. Costs are non-negative: a violated rule costs its weight, a
 * satisfied or not evaluable rule 0.
 *
 * @param ruleSet the rule set (id, version, hash) the cost was computed with
 * @param ruleIds the rules, in the order of the arrays
 * @param costs shape (rules); each {@code >= 0}
 * @param statuses shape (rules)
 */
public record StepCost(RuleSetRef ruleSet, List<String> ruleIds, double[] costs, RuleStatus[] statuses) {

    public StepCost {
        if (ruleSet == null || ruleIds == null || costs == null || statuses == null) {
            throw new IllegalArgumentException("A step cost needs its rule set, rule ids, costs and statuses");
        }
        ruleIds = List.copyOf(ruleIds);
        if (costs.length != ruleIds.size() || statuses.length != ruleIds.size()) {
            throw new IllegalArgumentException("A step cost needs one cost and one status per rule: " + ruleIds.size()
                    + " rules, " + costs.length + " costs, " + statuses.length + " statuses");
        }
        costs = costs.clone();
        statuses = statuses.clone();
        for (int r = 0; r < costs.length; r++) {
            if (!(costs[r] >= 0) || Double.isInfinite(costs[r])) {
                throw new IllegalArgumentException("Rule " + ruleIds.get(r) + " has cost " + costs[r] + ": costs are "
                        + "finite and non-negative (a violated rule costs its weight)");
            }
            if (statuses[r] != RuleStatus.VIOLATED && costs[r] != 0) {
                throw new IllegalArgumentException("Rule " + ruleIds.get(r) + " is " + statuses[r] + " but costs "
                        + costs[r] + "; only a violated rule costs anything");
            }
        }
    }

    /** The step's total cost: the sum of the violated rules' weights. */
    public double total() {
        double total = 0;
        for (double cost : costs) {
            total += cost;
        }
        return total;
    }

    /** A copy of the per-rule costs. */
    @Override
    public double[] costs() {
        return costs.clone();
    }

    /** A copy of the per-rule statuses. */
    @Override
    public RuleStatus[] statuses() {
        return statuses.clone();
    }

    /** The cost of rule {@code ruleId}. */
    public double cost(String ruleId) {
        return costs[index(ruleId)];
    }

    /** The status of rule {@code ruleId}. */
    public RuleStatus status(String ruleId) {
        return statuses[index(ruleId)];
    }

    /** Ids of the violated rules, in rule order. */
    public List<String> violatedRules() {
        return withStatus(RuleStatus.VIOLATED);
    }

    /** Ids of the rules that could not be evaluated for missing inputs, in rule order. */
    public List<String> notEvaluableRules() {
        return withStatus(RuleStatus.NOT_EVALUABLE);
    }

    private List<String> withStatus(RuleStatus wanted) {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < statuses.length; r++) {
            if (statuses[r] == wanted) {
                ids.add(ruleIds.get(r));
            }
        }
        return ids;
    }

    private int index(String ruleId) {
        int index = ruleIds.indexOf(ruleId);
        if (index < 0) {
            throw new IllegalArgumentException("Rule set " + ruleSet.id() + " " + ruleSet.version() + " has no rule '"
                    + ruleId + "'; its rules are " + String.join(", ", ruleIds));
        }
        return index;
    }
}
