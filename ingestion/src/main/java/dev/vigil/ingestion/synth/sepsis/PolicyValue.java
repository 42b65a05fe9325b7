package dev.vigil.ingestion.synth.sepsis;

/**
 * The true value of a policy on the simulator, estimated by Monte-Carlo rollouts ({@link TrueValueEvaluator}).
 *
 * @param episodes number of rollouts
 * @param horizon blocs per rollout
 * @param seed the seed the rollouts came from
 * @param meanReturn mean return ({@link SepsisReward}; discounted with {@code gamma})
 * @param gamma the discount used (1 = undiscounted, the reporting convention)
 * @param returnCi95 normal-approximation 95 % interval of the mean return
 * @param mortality share of episodes with death within 90 days of onset
 * @param mortalityCi95 Wilson score 95 % interval of the mortality
 * @param windowMortality share of episodes with death inside the simulated blocs
 * @param decisions number of decisions taken
 * @param unsafeDecisions decisions labelled unsafe (only the clinician labels any)
 */
public record PolicyValue(int episodes, int horizon, long seed, double meanReturn, double gamma, Interval returnCi95,
        double mortality, Interval mortalityCi95, double windowMortality, long decisions, long unsafeDecisions) {
}
