package dev.vigil.offlinerl.algo.tabular;

import static dev.vigil.offlinerl.algo.TabularDatasets.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.OfflineAlgorithmContractTest;
import dev.vigil.offlinerl.algo.TabularDatasets;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TabularOgsrlTest extends OfflineAlgorithmContractTest<OgsrlConfig> {

    @Override
    protected OfflineAlgorithm<OgsrlConfig> algorithm() {
        return new TabularOgsrl();
    }

    @Override
    protected OgsrlConfig config(long seed) {
        OgsrlConfig d = OgsrlConfig.defaults();
        return new OgsrlConfig(d.minCount(), d.densityPercentile(), d.mode(), d.oodPenalty(), d.oodShareLimit(),
                d.costBudget(), d.discount(), d.horizon(), d.cutOffAtHorizon(), d.bisectionSteps(), d.maxLambda(),
                d.oodMultiplierSteps(), "test-rules@1", seed);
    }

    private static TrainedPolicy fit(TrajectoryDataset data, OgsrlConfig config) {
        return new TabularOgsrl().fit(data, config, TrainingListener.NONE);
    }

    @Test
    void forbidsAnActionSeenOnlyOnce() {
        // State 0: action 0 logged 10 times (reward 0.5), action 1 once (reward 10). The steps' own pair counts are
        // ten 10s and one 1: the 5th percentile (rank 0.05 * 10 = 0.5) is 1 + 0.5 * 9 = 5.5, so the threshold is
        // max(minCount 6, 5.5) = 6 and action 1 is out of distribution despite its reward.
        TrajectoryDataset data = new TabularDatasets.Builder(1, 2)
                .episode(10, step(0, 0, 0.5, 0)).episode(1, step(0, 1, 10, 0)).build();

        TrainedPolicy guarded = fit(data, OgsrlConfig.defaults());
        TrainedPolicy unguarded = fit(data, OgsrlConfig.defaults().withGuard(1, 0, GuardMode.FORBID, 1, 0.05));

        assertThat(guarded.actionProbabilities(0)).containsExactly(1.0, 0.0);
        assertThat(guarded.report().summary().get("supportThreshold")).isEqualTo(6.0);
        assertThat(unguarded.actionProbabilities(0)).containsExactly(0.0, 1.0);
    }

    @Test
    void respectsCostBudgetTheUnconstrainedOptimumExceeds() {
        // State 0: action 0 (reward 1, cost 1) and action 1 (reward 0.2, cost 0), 10 times each, one-step episodes.
        // Unconstrained: action 0, cost 1 > budget 0.5. Lagrangian values 1 - lambda vs 0.2: action 1 wins for
        // lambda > 0.8 (the tie at 0.8 goes to action 0), so bisection on [0, 1] ends just above 0.8.
        TrajectoryDataset data = new TabularDatasets.Builder(1, 2)
                .episode(10, step(0, 0, 1, 1)).episode(10, step(0, 1, 0.2, 0)).build();
        List<Map<String, Double>> curve = new ArrayList<>();

        TrainedPolicy policy = new TabularOgsrl().fit(data, OgsrlConfig.defaults(), (k, m) -> curve.add(m));
        TrainedPolicy loose = fit(data, OgsrlConfig.defaults().withCostBudget(1));

        assertThat(policy.actionProbabilities(0)).containsExactly(0.0, 1.0);
        Map<String, Double> summary = policy.report().summary();
        assertThat(summary.get("lambdaCost")).isGreaterThan(0.8).isCloseTo(0.8, within(1e-5));
        assertThat(summary.get("empiricalCost")).isZero();
        assertThat(summary.get("empiricalReturn")).isCloseTo(0.2, within(1e-12));
        assertThat(summary.get("feasible")).isEqualTo(1.0);
        // The lambda trajectory: 0 (infeasible), 1 (feasible), then bisection.
        assertThat(curve.get(0)).containsEntry("lambdaCost", 0.0).containsEntry("feasible", 0.0);
        assertThat(curve.get(1)).containsEntry("lambdaCost", 1.0).containsEntry("feasible", 1.0);
        assertThat(curve).hasSize(2 + OgsrlConfig.defaults().bisectionSteps());
        assertThat(loose.actionProbabilities(0)).containsExactly(1.0, 0.0);
        assertThat(loose.report().summary()).containsEntry("lambdaCost", 0.0).containsEntry("normalisedCost", 1.0);
    }

    @Test
    void budgetIsAnUndiscountedSumOverTheEpisode() {
        // small(): from state 0, action 0 ends with reward 0.2; action 1 costs 1 and leads to state 1, where
        // action 1 pays 1. Planning (gamma 0.99): Q(0,1) = -lambda * 1 + 0.99 * 1 beats Q(0,0) = 0.2 while
        // lambda < 0.79. Episode cost of action 1 = 1 > budget 0.5, so the answer is action 0 with lambda ~ 0.79.
        TrainedPolicy policy = fit(TabularDatasets.small(), OgsrlConfig.defaults());

        assertThat(policy.actionProbabilities(0)).containsExactly(1.0, 0.0);
        assertThat(policy.actionProbabilities(1)).containsExactly(0.0, 1.0);
        assertThat(policy.report().summary().get("lambdaCost")).isCloseTo(0.79, within(1e-5));
    }

    @Test
    void stateWithoutAnInSupportActionFallsBackToTheMostFrequentOne() {
        // State 0: action 0 three times, action 1 twice; both below minCount 6.
        TrajectoryDataset data = new TabularDatasets.Builder(1, 2)
                .episode(3, step(0, 0, 0, 0)).episode(2, step(0, 1, 1, 0)).build();

        TrainedPolicy policy = fit(data, OgsrlConfig.defaults());

        assertThat(policy.actionProbabilities(0)).containsExactly(1.0, 0.0);
        assertThat(policy.report().fallbackStates()).containsExactly(0);
    }

    @Test
    void penaltyModeRaisesTheOodMultiplierUntilTheOodShareBoundHolds() {
        // State 0: action 0 ten times (reward 0), action 1 twice (reward 1): action 1 is OOD (2 < 6). With an OOD
        // penalty of 0.5 its model reward is 0.5 > 0, so the first plan takes it: OOD share 1 > delta 0.05. The OOD
        // multiplier then becomes max(1, 0.5) = 1: 0.5 - 1 < 0 and action 0 wins with share 0.
        TrajectoryDataset data = new TabularDatasets.Builder(1, 2)
                .episode(10, step(0, 0, 0, 0)).episode(2, step(0, 1, 1, 0)).build();

        TrainedPolicy bounded = fit(data, OgsrlConfig.defaults().withGuard(6, 0, GuardMode.PENALTY, 0.5, 0.05));
        TrainedPolicy unbounded = fit(data, OgsrlConfig.defaults().withGuard(6, 0, GuardMode.PENALTY, 0.5, 1));

        assertThat(bounded.actionProbabilities(0)).containsExactly(1.0, 0.0);
        assertThat(bounded.report().summary()).containsEntry("lambdaOod", 1.0).containsEntry("oodShare", 0.0);
        assertThat(unbounded.actionProbabilities(0)).containsExactly(0.0, 1.0);
        assertThat(unbounded.report().summary()).containsEntry("oodShare", 1.0);
        assertThat(unbounded.report().summary().get("empiricalReturn")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void penaltyModeFreezesNeverLoggedPairsInTheOodSink() {
        // Action 1 was never logged in state 0: it leads to the sink, worth -(penalty) per step for the rest of the
        // episode, so even with reward 0 on action 0 the planner keeps to action 0.
        TrajectoryDataset data = new TabularDatasets.Builder(1, 2).episode(10, step(0, 0, 0, 0)).build();

        TrainedPolicy policy = fit(data, OgsrlConfig.defaults().withGuard(6, 0, GuardMode.PENALTY, 1, 0.05));

        assertThat(policy.actionProbabilities(0)).containsExactly(1.0, 0.0);
    }

    @Test
    void trainsWithoutCostsAndSaysTheBudgetWasNotInPlay() {
        TrainedPolicy policy = fit(TrainingData.withoutCosts(), OgsrlConfig.defaults());
        assertThat(policy.report().summary()).containsEntry("costsInData", 0.0).containsEntry("empiricalCost", 0.0);
        for (int s = 0; s < policy.stateCount(); s++) {
            assertThat(java.util.Arrays.stream(policy.actionProbabilities(s)).sum()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void rejectsNegativeBudget() {
        assertThatThrownBy(() -> OgsrlConfig.defaults().withCostBudget(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("costBudget must be finite and >= 0");
    }

    @Test
    void rejectsMinCountBelowOne() {
        assertThatThrownBy(() -> OgsrlConfig.defaults().withGuard(0, 5, GuardMode.FORBID, 1, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minCount must be at least 1");
    }

    @Test
    void recordsTheRuleSetVersion() {
        assertThat(fit(TabularDatasets.small(), config(1)).provenance().ruleSetVersion()).isEqualTo("test-rules@1");
    }
}
