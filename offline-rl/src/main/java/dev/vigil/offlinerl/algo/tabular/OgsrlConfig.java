package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.offlinerl.algo.AlgorithmConfig;

/**
 * OGSRL adapted to a tabular CMDP; see {@link TabularOgsrl} and {@code docs/algorithms.md}.
 *
 * <p>Costs follow the project convention: non-negative, summed undiscounted over an episode, and compared
 * with {@code costBudget}; normalised cost = cost / budget, {@code <= 1} is within budget.
 *
 * @param minCount a (state, action) pair logged fewer than this many times is out of distribution (default 6:
 *     the AI Clinician prunes pairs seen 5 times or fewer); >= 1
 * @param densityPercentile the paper's guardian threshold: a pair is also out of distribution when its count
 *     (the tabular density) is below this percentile of the counts of the logged steps' own pairs, in [0, 100)
 *     (default 5, as the released code's 5th percentile of the training points' densities; 0 leaves only
 *     minCount)
 * @param mode {@code forbid} (default): OOD pairs may not be chosen; {@code penalty}: they cost
 *     {@code oodPenalty} reward per step and are bounded by {@code oodShareLimit}
 * @param oodPenalty reward taken off per OOD step in penalty mode, finite and >= 0 (default 1, the size of the
 *     sepsis terminal reward; the released code used 25 against SOFA-scale rewards)
 * @param oodShareLimit delta: the expected share of steps outside the support must stay <= delta in penalty
 *     mode, in [0, 1] (default 0.05)
 * @param costBudget the safety-cost budget per episode, finite and >= 0 (default 0.5, the released code's limit)
 * @param discount gamma of the guarded planner, in (0, 1) (default 0.99)
 * @param horizon H: constraints and returns are judged undiscounted over H steps of the empirical model (default
 *     20); >= 1
 * @param cutOffAtHorizon whether the data's episodes were cut off after H steps (default true): then the next
 *     state of every step at decision H-1 is censored (not counted as an ending), since the data cannot say
 *     which of those episodes ended and which were cut off
 * @param bisectionSteps bisection steps on the cost multiplier lambda once bracketed, >= 1 (default 20)
 * @param maxLambda the largest cost multiplier tried, finite and > 0 (default 1024)
 * @param oodMultiplierSteps in penalty mode, how many times the OOD multiplier may be raised (doubled) while the
 *     OOD share exceeds delta, >= 0 (default 10)
 * @param ruleSetVersion the rule set that produced the dataset's costs, e.g. {@code sepsis-bedside@1.0.0};
 *     recorded in the provenance (default {@code unspecified})
 * @param seed recorded for provenance; the planner draws no random numbers
 */
public record OgsrlConfig(int minCount, double densityPercentile, GuardMode mode, double oodPenalty, double oodShareLimit, double costBudget,
        double discount, int horizon, boolean cutOffAtHorizon, int bisectionSteps, double maxLambda,
        int oodMultiplierSteps, String ruleSetVersion, long seed) implements AlgorithmConfig {

    public OgsrlConfig {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1 (6 prunes pairs seen 5 times or fewer, as "
                    + "the AI Clinician does); got " + minCount);
        }
        if (!(densityPercentile >= 0 && densityPercentile < 100)) {
            throw new IllegalArgumentException("densityPercentile must be in [0, 100) (5 = the paper's 5th percentile, "
                    + "0 = minCount only); got " + densityPercentile);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must be 'forbid' or 'penalty'");
        }
        if (!(oodPenalty >= 0 && Double.isFinite(oodPenalty))) {
            throw new IllegalArgumentException("oodPenalty must be finite and >= 0 (e.g. 1); got " + oodPenalty);
        }
        if (!(oodShareLimit >= 0 && oodShareLimit <= 1)) {
            throw new IllegalArgumentException("oodShareLimit must be a share in [0, 1] (e.g. 0.05); got "
                    + oodShareLimit);
        }
        if (!(costBudget >= 0 && Double.isFinite(costBudget))) {
            throw new IllegalArgumentException("costBudget must be finite and >= 0: it is an undiscounted cost per "
                    + "episode, and costs are non-negative (e.g. 0.5); got " + costBudget);
        }
        if (!(discount > 0 && discount < 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1) for the stationary guarded planner (e.g. "
                    + "0.99); got " + discount);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 step (e.g. 20 for the sepsis data); got "
                    + horizon);
        }
        if (bisectionSteps < 1) {
            throw new IllegalArgumentException("bisectionSteps must be at least 1 (e.g. 20); got " + bisectionSteps);
        }
        if (!(maxLambda > 0 && Double.isFinite(maxLambda))) {
            throw new IllegalArgumentException("maxLambda must be finite and > 0 (e.g. 1024); got " + maxLambda);
        }
        if (oodMultiplierSteps < 0) {
            throw new IllegalArgumentException("oodMultiplierSteps must be >= 0 (e.g. 10); got " + oodMultiplierSteps);
        }
        if (ruleSetVersion == null || ruleSetVersion.isBlank()) {
            throw new IllegalArgumentException("ruleSetVersion must name the rule set behind the costs (e.g. "
                    + "'sepsis-bedside@1.0.0') or be 'unspecified'");
        }
    }

    /**
     * minCount 6, density percentile 5, forbid, OOD penalty 1, OOD share limit 0.05, cost budget 0.5, discount 0.99, horizon 20 with
     * cut-off, 20 bisection steps, max lambda 1024, 10 OOD multiplier steps, rule set unspecified, seed 0.
     */
    public static OgsrlConfig defaults() {
        return new OgsrlConfig(6, 5, GuardMode.FORBID, 1, 0.05, 0.5, 0.99, 20, true, 20, 1024, 10, "unspecified", 0);
    }

    /** A copy with another cost budget. */
    public OgsrlConfig withCostBudget(double budget) {
        return new OgsrlConfig(minCount, densityPercentile, mode, oodPenalty, oodShareLimit, budget, discount, horizon, cutOffAtHorizon,
                bisectionSteps, maxLambda, oodMultiplierSteps, ruleSetVersion, seed);
    }

    /** A copy with another guardian: count threshold, density percentile, mode and OOD settings. */
    public OgsrlConfig withGuard(int count, double percentile, GuardMode guardMode, double penalty, double shareLimit) {
        return new OgsrlConfig(count, percentile, guardMode, penalty, shareLimit, costBudget, discount, horizon, cutOffAtHorizon,
                bisectionSteps, maxLambda, oodMultiplierSteps, ruleSetVersion, seed);
    }
}
