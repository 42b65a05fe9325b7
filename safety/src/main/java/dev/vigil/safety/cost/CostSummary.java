package dev.vigil.safety.cost;

import java.util.List;

/**
 * The safety costs of a whole dataset under one rule set and budget. Costs are non-negative; an episode's
 * cost is the undiscounted sum of its step costs; normalised cost = cost / budget limit, {@code <= 1} within
 * budget. Computed by {@link CostSummarizer}.
 *
 * @param ruleSet the rule set (id, version, hash) the numbers come from
 * @param datasetSha256 the dataset's content hash
 * @param budget the budget episodes are compared with
 * @param episodes number of episodes ({@code >= 1})
 * @param steps number of steps
 * @param rules one summary per rule, in rule order
 * @param failureRate share of episodes with at least one violation of any rule
 * @param meanViolatingStepsPerEpisode steps with at least one violation, averaged over episodes
 * @param meanEpisodeCost episode cost averaged over episodes
 * @param normalisedMeanCost {@code budget.normalised(meanEpisodeCost)}
 * @param withinBudgetRate share of episodes whose cost is within budget
 * @param uncheckedUnits variables whose unit the dataset did not state, so the rule set's units were not
 *     checked
 */
public record CostSummary(RuleSetRef ruleSet, String datasetSha256, CostBudget budget, int episodes, long steps,
        List<RuleSummary> rules, double failureRate, double meanViolatingStepsPerEpisode, double meanEpisodeCost,
        double normalisedMeanCost, double withinBudgetRate, List<String> uncheckedUnits) {

    public CostSummary {
        if (ruleSet == null || datasetSha256 == null || budget == null || rules == null) {
            throw new IllegalArgumentException("A cost summary names its rule set, dataset hash and budget");
        }
        if (episodes < 1 || steps < episodes) {
            throw new IllegalArgumentException("A cost summary covers at least one episode of at least one step, got "
                    + episodes + " episodes and " + steps + " steps");
        }
        if (!(meanEpisodeCost >= 0)) {
            throw new IllegalArgumentException("The mean episode cost is " + meanEpisodeCost + "; costs are "
                    + "non-negative");
        }
        rules = List.copyOf(rules);
        uncheckedUnits = uncheckedUnits == null ? List.of() : List.copyOf(uncheckedUnits);
    }

    /** The summary of rule {@code ruleId}. */
    public RuleSummary rule(String ruleId) {
        return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Rule set " + ruleSet.id() + " has no rule '"
                        + ruleId + "'"));
    }
}
