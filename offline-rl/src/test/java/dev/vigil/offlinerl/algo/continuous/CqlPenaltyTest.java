package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vigil.offlinerl.nn.TorchRuntime;
import org.junit.jupiter.api.Test;

class CqlPenaltyTest {

    /**
     * Two states, three sampled actions each. State 0: Q = (0, 0, 0), logged Q = 1, so log-mean-exp = log 1 = 0.
     * State 1: Q = (log 1, log 2, log 3), logged Q = 0, so log-mean-exp = log((1 + 2 + 3) / 3) = log 2.
     * Penalty = (0 + log 2) / 2 - (1 + 0) / 2 = 0.346574 - 0.5 = -0.153426.
     */
    private static final double[][] SAMPLED = {{0, 0, 0}, {0, Math.log(2), Math.log(3)}};
    private static final double[] DATA = {1, 0};
    private static final double EXPECTED = Math.log(2) / 2 - 0.5;

    @Test
    void doublePrecisionPenaltyMatchesTheHandComputedValue() {
        assertThat(EXPECTED).isCloseTo(-0.153426, within(1e-6));
        assertThat(CqlPenalty.of(SAMPLED, DATA)).isCloseTo(EXPECTED, within(1e-12));
    }

    @Test
    void trainingPenaltyOnNdArraysMatchesTheHandComputedValueAndGradient() {
        TorchRuntime.check();
        try (NDManager manager = NDManager.newBaseManager(TorchRuntime.ENGINE_NAME)) {
            NDArray sampled = manager.create(new float[] {0, 0, 0, 0, (float) Math.log(2), (float) Math.log(3)},
                    new Shape(2, 3));
            NDArray data = manager.create(new float[] {1, 0});
            assertThat((double) CqlPenalty.of(sampled, data).getFloat()).isCloseTo(EXPECTED, within(1e-6));
            // d penalty / d Q(s_b, a_bj) = softmax_j / B: row 1 = (1, 2, 3) / 6 / 2.
            sampled.setRequiresGradient(true);
            try (var collector = ai.djl.engine.Engine.getEngine(TorchRuntime.ENGINE_NAME).newGradientCollector()) {
                collector.backward(CqlPenalty.of(sampled, data));
            }
            float[] g = sampled.getGradient().toFloatArray();
            assertThat((double) g[0]).isCloseTo(1.0 / 6, within(1e-6));
            assertThat((double) g[3]).isCloseTo(1.0 / 12, within(1e-6));
            assertThat((double) g[5]).isCloseTo(3.0 / 12, within(1e-6));
        }
    }

    @Test
    void aConstantQCostsNothing() {
        assertThat(CqlPenalty.of(new double[][] {{2, 2}, {-1, -1}}, new double[] {2, -1})).isCloseTo(0, within(1e-12));
    }
}
