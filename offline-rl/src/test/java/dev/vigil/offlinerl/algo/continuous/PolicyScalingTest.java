package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.safety.guardian.MinMaxScaler;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyScalingTest {

    @Test
    void matchesTheMinMaxScalerAndInvertsIt() {
        double[][] rows = {{0, 10, 100}, {2, 10, 300}, {1, 10, 200}};
        MinMaxScaler scaler = MinMaxScaler.fit(rows);
        PolicyScaling p = PolicyScaling.fromMinMax(scaler.min(), scaler.max(), 2);
        double[] x = {1.5, 12};
        double[] expected = scaler.transform(new double[] {1.5, 12, 100});
        assertThat(p.scaleState(x)).containsExactly(new double[] {expected[0], expected[1]}, within(1e-12));
        assertThat(p.scaleState(x)).containsExactly(new double[] {0.5, 2}, within(1e-12));
        assertThat(p.unscaleState(p.scaleState(x))).containsExactly(x, within(1e-12));
        assertThat(p.unscaleAction(new double[] {-1})).containsExactly(new double[] {100}, within(1e-12));
        assertThat(p.unscaleAction(new double[] {0.5})).containsExactly(new double[] {250}, within(1e-12));
    }

    @Test
    void theTrainedPolicyActsInDatasetUnitsWithinTheLoggedRange() {
        // One identity layer: scaled action = scaled state; the output map takes [-1, 1] to [100, 300].
        MlpSnapshot net = new MlpSnapshot(List.of(new MlpSnapshot.Layer(1, 1, new float[] {1}, new float[] {0},
                MlpSnapshot.Activation.IDENTITY)), new double[] {1}, new double[] {0}, new double[] {100},
                new double[] {200});
        GaussianPolicy policy = new GaussianPolicy(net, new double[] {-0.5}, null, null);
        assertThat(policy.act(new double[] {0.5})).containsExactly(250.0);
        assertThat(policy.act(new double[] {3})).containsExactly(300.0);
        assertThat(policy.sample(new double[] {0}, new java.util.SplittableRandom(1))[0]).isBetween(100.0, 300.0);
        assertThatThrownBy(() -> policy.act(new double[] {Double.NaN})).hasMessageContaining("feature 0 is NaN");
        assertThatThrownBy(() -> policy.act(new double[] {1, 2})).hasMessageContaining("state of 1 features");
    }
}
