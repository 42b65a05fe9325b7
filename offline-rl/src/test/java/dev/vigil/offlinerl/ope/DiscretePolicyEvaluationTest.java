package dev.vigil.offlinerl.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.tabular.Objective;
import dev.vigil.offlinerl.tabular.PolicyEvaluation;
import dev.vigil.offlinerl.tabular.SimulationConfig;
import dev.vigil.offlinerl.tabular.TabularMdp;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import dev.vigil.offlinerl.tabular.TrajectorySimulator;
import org.junit.jupiter.api.Test;

class DiscretePolicyEvaluationTest {

    // Two states, two actions, horizon 3: action 1 in state 0 moves to state 1, which pays 1 per step.
    private static final TabularMdp MDP = TabularMdp.fromDense(
            new double[][][] {{{0.9, 0.1}, {0.2, 0.8}}, {{0.3, 0.7}, {0.3, 0.7}}},
            new double[][] {{0, 0}, {1, 1}}, new double[] {1, 0}, new boolean[] {false, false},
            Objective.finiteHorizon(3, 1.0));
    private static final TabularPolicy BEHAVIOUR = new TabularPolicy(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
    private static final TabularPolicy ALWAYS_ONE = new TabularPolicy(new double[][] {{0, 1}, {0, 1}});
    private static final DiscretePolicyEvaluation EVALUATION = new DiscretePolicyEvaluation(0.01, 1.0,
            new BootstrapConfig(200, 0.95, 5));

    private static TrajectoryDataset data(long seed) {
        return TrajectorySimulator.simulate(MDP, BEHAVIOUR, new SimulationConfig("two-state", 3000, 3, seed)).dataset();
    }

    @Test
    void theBehaviourPoliciesOwnValueIsTheAverageReturnForWis() {
        TrajectoryDataset data = data(1);
        double average = data.episodes().stream().mapToDouble(e -> java.util.Arrays.stream(e.rewards()).sum())
                .average().orElseThrow();
        var summary = EVALUATION.evaluate(data, BEHAVIOUR);
        // The estimated behaviour policy is close to, not exactly, the true one; WIS is self-normalised.
        assertThat(summary.estimates().get(0).estimator()).containsIgnoringCase("wis");
        assertThat(summary.estimates().get(0).estimate()).isCloseTo(average, within(0.05));
        assertThat(summary.episodes()).isEqualTo(3000);
    }

    @Test
    void everyEstimateIsNearTheExactValueAndInsideItsInterval() {
        double exact = PolicyEvaluation.evaluate(MDP, ALWAYS_ONE).expectedReturn();
        var summary = EVALUATION.evaluate(data(2), ALWAYS_ONE);
        assertThat(summary.estimates()).hasSize(5);
        for (var row : summary.estimates()) {
            assertThat(row.estimate()).as(row.estimator()).isCloseTo(exact, within(0.15));
            assertThat(row.lower()).as(row.estimator()).isLessThanOrEqualTo(row.estimate());
            assertThat(row.upper()).as(row.estimator()).isGreaterThanOrEqualTo(row.estimate());
        }
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        TrajectoryDataset data = data(3);
        assertThat(EVALUATION.evaluate(data, ALWAYS_ONE)).isEqualTo(EVALUATION.evaluate(data, ALWAYS_ONE));
    }

    @Test
    void listsTheStatesSeenAndRefusesContinuousData() {
        TrajectoryDataset data = data(4);
        assertThat(DiscretePolicyEvaluation.seenStates(data)).containsExactly(0, 1);
        assertThat(data.episodes()).allSatisfy(e -> assertThat(e.steps()).isPositive());
        assertThatThrownBy(() -> new DiscretePolicyEvaluation(0.01, 0, new BootstrapConfig(10, 0.9, 1)))
                .hasMessageContaining("discount");
        Episode first = data.episodes().get(0);
        assertThat(first.id()).isNotBlank();
    }
}
