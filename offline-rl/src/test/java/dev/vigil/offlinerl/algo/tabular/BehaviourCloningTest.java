package dev.vigil.offlinerl.algo.tabular;

import static dev.vigil.offlinerl.algo.TabularDatasets.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.OfflineAlgorithmContractTest;
import dev.vigil.offlinerl.algo.TabularDatasets;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import org.junit.jupiter.api.Test;

class BehaviourCloningTest extends OfflineAlgorithmContractTest<BcConfig> {

    @Override
    protected OfflineAlgorithm<BcConfig> algorithm() {
        return new BehaviourCloning();
    }

    @Override
    protected BcConfig config(long seed) {
        return new BcConfig(0, seed);
    }

    @Test
    void copiesLoggedFrequencies() {
        // small(): state 0 logged with action 0 8 times and action 1 15 times -> 8/23, 15/23;
        // state 1 with action 1 8 times and action 0 7 times -> 7/15, 8/15.
        TrainedPolicy policy = new BehaviourCloning().fit(TabularDatasets.small(), BcConfig.defaults(),
                TrainingListener.NONE);

        assertThat(policy.actionProbabilities(0)[0]).isCloseTo(8.0 / 23, within(1e-12));
        assertThat(policy.actionProbabilities(0)[1]).isCloseTo(15.0 / 23, within(1e-12));
        assertThat(policy.actionProbabilities(1)[0]).isCloseTo(7.0 / 15, within(1e-12));
        assertThat(policy.actionProbabilities(1)[1]).isCloseTo(8.0 / 15, within(1e-12));
    }

    @Test
    void laplaceSmoothingAddsOnePerAction() {
        // (8 + 1) / (23 + 2) and (15 + 1) / (23 + 2).
        TrainedPolicy policy = new BehaviourCloning().fit(TabularDatasets.small(), new BcConfig(1, 0),
                TrainingListener.NONE);

        assertThat(policy.actionProbabilities(0)).containsExactly(new double[] {9.0 / 25, 16.0 / 25}, within(1e-12));
    }

    @Test
    void smoothingGivesNeverLoggedActionsSomeMass() {
        // State 0 logged only with action 0, 3 times: smoothing 0.5 gives (0 + 0.5) / (3 + 1) = 0.125 to action 1.
        TrainedPolicy policy = new BehaviourCloning().fit(new TabularDatasets.Builder(1, 2)
                .episode(3, step(0, 0, 0, 0)).build(), new BcConfig(0.5, 0), TrainingListener.NONE);

        assertThat(policy.actionProbabilities(0)).containsExactly(new double[] {0.875, 0.125}, within(1e-12));
    }

    @Test
    void rejectsNegativeSmoothing() {
        assertThatThrownBy(() -> new BcConfig(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smoothing must be finite and >= 0");
    }
}
