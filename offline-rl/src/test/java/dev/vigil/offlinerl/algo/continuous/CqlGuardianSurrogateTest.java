package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vigil.offlinerl.nn.TorchRuntime;
import org.junit.jupiter.api.Test;

class CqlGuardianSurrogateTest {

    /**
     * Reference points (0, 0) and (2, 0), sigma 1, threshold tau = exp(-1). At x = (0, 0): p = (1 + e^-2) / 2,
     * log p = log(1.135335 / 2) = -0.566219 > -1, so no deficit. At x = (4, 0): p = (e^-8 + e^-2) / 2,
     * log p = -2 + log((1 + e^-6) / 2) = -2.690671, deficit = -1 + 2.690671 = 1.690671. Its gradient along the
     * first coordinate is -d log p / dx = (sum_i w_i (x - x_i)) / sigma^2 with softmax weights w over the points.
     */
    @Test
    void logDensityDeficitMatchesTheHandComputedValueAndPullsTowardTheData() {
        TorchRuntime.check();
        try (NDManager manager = NDManager.newBaseManager(TorchRuntime.ENGINE_NAME)) {
            CqlGuardianSurrogate surrogate = new CqlGuardianSurrogate(manager, new float[] {0, 0, 2, 0}, 2, 1,
                    Math.exp(-1));
            NDArray x = manager.create(new float[] {0, 0, 4, 0}, new Shape(2, 2));
            x.setRequiresGradient(true);
            NDArray deficit;
            try (var collector = Engine.getEngine(TorchRuntime.ENGINE_NAME).newGradientCollector()) {
                deficit = surrogate.deficit(x);
                collector.backward(deficit.sum());
            }
            float[] d = deficit.toFloatArray();
            assertThat((double) surrogate.logDensity(manager.create(new float[] {0, 0}, new Shape(1, 2)))
                    .getFloat()).isCloseTo(Math.log((1 + Math.exp(-2)) / 2), within(1e-5));
            assertThat((double) d[0]).isCloseTo(0, within(1e-7));
            double expected = -1 + 2 - Math.log((1 + Math.exp(-6)) / 2);
            assertThat(expected).isCloseTo(1.690671, within(1e-6));
            assertThat((double) d[1]).isCloseTo(expected, within(1e-5));
            float[] g = x.getGradient().toFloatArray();
            double wNear = 1 / (1 + Math.exp(-6));
            double gradient = wNear * (4 - 2) + (1 - wNear) * (4 - 0);
            assertThat((double) g[2]).isCloseTo(gradient, within(1e-4));
            assertThat(g[0]).isZero();
        }
    }
}
