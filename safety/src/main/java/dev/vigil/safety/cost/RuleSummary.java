package dev.vigil.safety.cost;

/**
 * How one rule fared over a dataset.
 *
 * @param ruleId the rule
 * @param weight its cost per violating step
 * @param violatedSteps steps at which it was violated
 * @param evaluableSteps steps at which it could be evaluated
 * @param notEvaluableSteps steps at which an input was missing
 * @param violationRate {@code violatedSteps / evaluableSteps}; NaN when it was never evaluable (unknown,
 *     not 0)
 * @param notEvaluableRate {@code notEvaluableSteps / all steps}
 * @param expectedCostPerEpisode the rule's cost summed per episode, averaged over episodes
 * @param violatingEpisodes episodes with at least one violation of the rule
 */
public record RuleSummary(String ruleId, double weight, long violatedSteps, long evaluableSteps,
        long notEvaluableSteps, double violationRate, double notEvaluableRate, double expectedCostPerEpisode,
        int violatingEpisodes) {

    public RuleSummary {
        if (ruleId == null || ruleId.isBlank()) {
            throw new IllegalArgumentException("A rule summary needs the rule id");
        }
        if (violatedSteps < 0 || evaluableSteps < violatedSteps || notEvaluableSteps < 0 || violatingEpisodes < 0) {
            throw new IllegalArgumentException("Rule " + ruleId + ": counts must be >= 0 and violated steps ("
                    + violatedSteps + ") cannot exceed evaluable steps (" + evaluableSteps + ")");
        }
        if (!(weight >= 0) || !(expectedCostPerEpisode >= 0)) {
            throw new IllegalArgumentException("Rule " + ruleId + ": weight and expected cost are non-negative");
        }
    }
}
