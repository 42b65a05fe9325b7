package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BehaviourCloningTest {

    /**
     * Logged doses that depend on the state: a graded dose {@code 0.8 s0 - 0.3} and a zero-inflated one, as
     * vasopressors are in the ICU data: where {@code s1 < 0} 70 % of clinicians give none (-1 on the training scale)
     * and 30 % give 0.6; where {@code s1 >= 0} everyone gives {@code s1}.
     */
    private static double[][][] logged(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] states = new double[n][];
        double[][] actions = new double[n][];
        for (int i = 0; i < n; i++) {
            double s0 = rng.nextDouble(-1, 1);
            double s1 = rng.nextDouble(-1, 1);
            states[i] = new double[] {s0, s1};
            actions[i] = new double[] {0.8 * s0 - 0.3, s1 >= 0 ? s1 : rng.nextDouble() < 0.7 ? -1 : 0.6};
        }
        return new double[][][] {states, actions};
    }

    private static GaussianPolicyNetwork network(long seed) {
        return new GaussianPolicyNetwork(2, 2, new int[] {32, 32}, -0.5, new SplittableRandom(seed));
    }

    @Test
    void clonesStateDependentDosingIncludingExactlyNone() {
        double[][][] data = logged(4000, 1);
        GaussianPolicyNetwork policy = network(2);
        BehaviourCloning.Result r = BehaviourCloning.fit(policy, data[0], data[1], 3000, 128, 3e-3, -0.5,
                new SplittableRandom(3));
        assertThat(r.mseBefore()).isGreaterThan(0.2);
        // What remains is the 30 % minority where s1 < 0: (0.6 - -1)^2 * 0.3 * 0.5 (half the states) / 2 actions.
        assertThat(r.mseAfter()).isCloseTo(1.6 * 1.6 * 0.3 * 0.5 / 2, within(0.02));
        // The mean follows the state ...
        assertThat(policy.mean(new double[] {0.5, 0.5})[0]).isCloseTo(0.1, within(0.08));
        assertThat(policy.mean(new double[] {-0.5, 0.5})[0]).isCloseTo(-0.7, within(0.08));
        assertThat(policy.mean(new double[] {0.0, 0.6})[1]).isCloseTo(0.6, within(0.08));
        // ... and where most clinicians give none, the deployed (clipped) mean is exactly none: the median, not the
        // mean (-1 * 0.7 + 0.6 * 0.3 = -0.52), which would be a small dose in every such bloc.
        MlpSnapshot deployed = policy.meanNetwork().snapshot(new double[] {1, 1}, new double[2], new double[] {1, 1},
                new double[2]);
        assertThat(deployed.apply(new double[] {0.2, -0.7})[1]).isEqualTo(-1.0);
        // The spread narrows to the residuals, never wider than the configured start.
        double[] logStd = policy.logStd();
        for (int j = 0; j < 2; j++) {
            assertThat(logStd[j]).isCloseTo(Math.min(-0.5, Math.log(Math.max(r.residualStd()[j], 0.05))),
                    within(1e-12));
        }
        // The graded dose is fitted closely, so its spread narrows well below the start's exp(-0.5) = 0.61; the
        // zero-inflated one keeps its minority's spread, sqrt(1.6^2 * 0.3 * 0.5) = 0.62, capped at the start's.
        assertThat(logStd[0]).isLessThan(-2);
        assertThat(logStd[1]).isEqualTo(-0.5);
    }

    @Test
    void sameSeedSameNetwork() {
        double[][][] data = logged(500, 4);
        GaussianPolicyNetwork a = network(5);
        GaussianPolicyNetwork b = network(5);
        BehaviourCloning.fit(a, data[0], data[1], 50, 64, 1e-3, -0.5, new SplittableRandom(6));
        BehaviourCloning.fit(b, data[0], data[1], 50, 64, 1e-3, -0.5, new SplittableRandom(6));
        assertThat(a.parameters()).containsExactly(b.parameters());
        GaussianPolicyNetwork c = network(5);
        BehaviourCloning.fit(c, data[0], data[1], 50, 64, 1e-3, -0.5, new SplittableRandom(7));
        assertThat(c.parameters()).isNotEqualTo(a.parameters());
    }

    @Test
    void refusesNoOrMismatchedRows() {
        GaussianPolicyNetwork policy = network(1);
        assertThatThrownBy(() -> BehaviourCloning.fit(policy, new double[0][], new double[0][], 10, 8, 1e-3, -0.5,
                new SplittableRandom(1))).hasMessageContaining("0 states and 0 actions");
        assertThatThrownBy(() -> BehaviourCloning.fit(policy, new double[3][2], new double[2][2], 10, 8, 1e-3, -0.5,
                new SplittableRandom(1))).hasMessageContaining("3 states and 2 actions");
    }
}
