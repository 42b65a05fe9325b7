package dev.vigil.safety.cost;

import java.util.List;

/**
 * The costs of one episode under a rule set. The episode's cost is the undiscounted sum of its step costs,
 * the quantity a {@link CostBudget} bounds.
 *
 * @param ruleSet the rule set (id, version, hash) the costs were computed with
 * @param episodeId the episode's id
 * @param ruleIds the rules, in the order of the per-rule arrays
 * @param stepCosts shape (steps); each step's total cost, {@code >= 0}
 * @param stepViolations shape (steps); how many rules each step violated
 * @param ruleViolations shape (rules); at how many steps each rule was violated
 * @param ruleNotEvaluable shape (rules); at how many steps each rule could not be evaluated
 */
public record EpisodeCosts(RuleSetRef ruleSet, String episodeId, List<String> ruleIds, double[] stepCosts,
        int[] stepViolations, int[] ruleViolations, int[] ruleNotEvaluable) {

    public EpisodeCosts {
        if (ruleSet == null || episodeId == null || ruleIds == null || stepCosts == null || stepViolations == null
                || ruleViolations == null || ruleNotEvaluable == null) {
            throw new IllegalArgumentException("Episode costs need the rule set, episode id, rule ids and all counts");
        }
        ruleIds = List.copyOf(ruleIds);
        if (stepViolations.length != stepCosts.length) {
            throw new IllegalArgumentException("Episode " + episodeId + " has " + stepCosts.length + " step costs but "
                    + stepViolations.length + " step violation counts; give one of each per step");
        }
        if (ruleViolations.length != ruleIds.size() || ruleNotEvaluable.length != ruleIds.size()) {
            throw new IllegalArgumentException("Episode " + episodeId + " needs one violation and one not-evaluable "
                    + "count per rule (" + ruleIds.size() + ")");
        }
        for (int t = 0; t < stepCosts.length; t++) {
            if (!(stepCosts[t] >= 0) || Double.isInfinite(stepCosts[t])) {
                throw new IllegalArgumentException("Episode " + episodeId + ", step " + t + " has cost " + stepCosts[t]
                        + ": costs are finite and non-negative");
            }
        }
        for (int r = 0; r < ruleIds.size(); r++) {
            if (ruleViolations[r] < 0 || ruleNotEvaluable[r] < 0
                    || ruleViolations[r] + ruleNotEvaluable[r] > stepCosts.length) {
                throw new IllegalArgumentException("Episode " + episodeId + ", rule " + ruleIds.get(r) + ": counts "
                        + ruleViolations[r] + " violated and " + ruleNotEvaluable[r] + " not evaluable do not fit "
                        + stepCosts.length + " steps");
            }
        }
        stepCosts = stepCosts.clone();
        stepViolations = stepViolations.clone();
        ruleViolations = ruleViolations.clone();
        ruleNotEvaluable = ruleNotEvaluable.clone();
    }

    /** Number of steps. */
    public int steps() {
        return stepCosts.length;
    }

    /** The episode's cost: the undiscounted sum of its step costs. */
    public double total() {
        double total = 0;
        for (double cost : stepCosts) {
            total += cost;
        }
        return total;
    }

    /** Number of steps that violated at least one rule (a rule of weight 0 counts too). */
    public int violatingSteps() {
        int count = 0;
        for (int violations : stepViolations) {
            if (violations > 0) {
                count++;
            }
        }
        return count;
    }

    /** Whether any rule was violated at any step. */
    public boolean anyViolation() {
        return violatingSteps() > 0;
    }

    /** At how many steps rule {@code r} (index into {@link #ruleIds()}) was evaluated. */
    public int evaluableSteps(int r) {
        return stepCosts.length - ruleNotEvaluable[r];
    }

    @Override
    public double[] stepCosts() {
        return stepCosts.clone();
    }

    @Override
    public int[] stepViolations() {
        return stepViolations.clone();
    }

    @Override
    public int[] ruleViolations() {
        return ruleViolations.clone();
    }

    @Override
    public int[] ruleNotEvaluable() {
        return ruleNotEvaluable.clone();
    }
}
