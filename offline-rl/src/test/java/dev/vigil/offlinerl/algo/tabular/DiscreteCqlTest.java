package dev.vigil.offlinerl.algo.tabular;

import static dev.vigil.offlinerl.algo.TabularDatasets.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.OfflineAlgorithmContractTest;
import dev.vigil.offlinerl.algo.TabularDatasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscreteCqlTest extends OfflineAlgorithmContractTest<CqlConfig> {

    @Override
    protected OfflineAlgorithm<CqlConfig> algorithm() {
        return new DiscreteCql();
    }

    @Override
    protected CqlConfig config(long seed) {
        return new CqlConfig(1, 0.99, 0.5, 200, PolicyForm.GREEDY, 1, 0, seed);
    }

    private static CqlConfig cql(double alpha, int iterations) {
        return new CqlConfig(alpha, 0.99, 0.5, iterations, PolicyForm.GREEDY, 1, 0, 0);
    }

    @Test
    void firstIterationMatchesHandComputation() {
        // One logged step: state 0, action 0, reward 1, then the episode ends. Q_0 = 0, n(0) = 1.
        // y = 1; G(0,0) = (0 - 1) + 1 * (0.5 - 1) = -1.5; G(0,1) = 1 * 0.5 = 0.5.
        // Q_1(0,0) = 0 - 0.5 * -1.5 = 0.75; Q_1(0,1) = 0 - 0.5 * 0.5 = -0.25. State 1 is never logged: Q stays 0.
        TrajectoryDataset data = new TabularDatasets.Builder(2, 2).episode(1, step(0, 0, 1, 0)).build();
        List<Map<String, Double>> metrics = new ArrayList<>();

        double[][] q = new DiscreteCql().fitWithQ(data, cql(1, 1), (k, m) -> metrics.add(m)).q();

        assertThat(q[0]).containsExactly(new double[] {0.75, -0.25}, within(1e-12));
        assertThat(q[1]).containsExactly(0.0, 0.0);
        // Metrics of iteration 1 are computed with Q_0: TD error |0 - 1| = 1, gap logsumexp(0, 0) - 0 = ln 2.
        assertThat(metrics.get(0).get("tdError")).isCloseTo(1, within(1e-12));
        assertThat(metrics.get(0).get("cqlGap")).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void pushesNeverLoggedActionsBelowTheLoggedOne() {
        // Two states, two actions; only action 0 is ever logged: 0 -a0-> 1 -a0-> end, reward -1 each step.
        // Plain fitted Q iteration (alpha 0) never updates Q(s, 1) = 0; its target for (0, 0) bootstraps from
        // max_a Q(1, a) = Q(1, 1) = 0, so Q(0, 0) -> -1 + 0.99 * 0 = -1, and the never-logged action (Q = 0) wins:
        // it would recommend what nobody did. CQL pushes Q(s, 1) down until it is below the logged action.
        TrajectoryDataset data = new TabularDatasets.Builder(2, 2)
                .episode(5, step(0, 0, -1, 0), step(1, 0, -1, 0)).build();

        DiscreteCql.Fit plain = new DiscreteCql().fitWithQ(data, cql(0, 500), null);
        DiscreteCql.Fit conservative = new DiscreteCql().fitWithQ(data, cql(1, 500), null);

        assertThat(plain.q()[0][1]).isZero();
        assertThat(plain.q()[0][0]).isCloseTo(-1, within(1e-6));
        assertThat(plain.policy().actionProbabilities(0)).containsExactly(0.0, 1.0);
        assertThat(conservative.q()[0][1]).isLessThan(conservative.q()[0][0]);
        assertThat(conservative.q()[1][1]).isLessThan(conservative.q()[1][0]);
        assertThat(conservative.policy().actionProbabilities(0)).containsExactly(1.0, 0.0);
        assertThat(conservative.policy().actionProbabilities(1)).containsExactly(1.0, 0.0);
    }

    @Test
    void softmaxPolicyFollowsQ() {
        TrajectoryDataset data = new TabularDatasets.Builder(2, 2).episode(1, step(0, 0, 1, 0)).build();
        CqlConfig softmax = new CqlConfig(1, 0.99, 0.5, 1, PolicyForm.SOFTMAX, 1, 0, 0);

        double[] row = new DiscreteCql().fit(data, softmax, null).actionProbabilities(0);

        // Q = (0.75, -0.25): softmax = (e, 1) / (e + 1).
        assertThat(row[0]).isCloseTo(Math.E / (Math.E + 1), within(1e-12));
    }

    @Test
    void rejectsDatasetWithoutRewards() {
        assertThatThrownBy(() -> new DiscreteCql().fit(TrainingData.withoutRewards(), CqlConfig.defaults(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no rewards (field 'reward')");
    }

    @Test
    void rejectsLearningRateAboveOne() {
        assertThatThrownBy(() -> new CqlConfig(1, 0.99, 2, 10, PolicyForm.GREEDY, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRate must be in (0, 1]");
    }
}
