package dev.vigil.offlinerl.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.offlinerl.ope.FittedQEvaluation.UnloggedPairs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What tabular FQE makes of an evaluation policy that takes only actions never logged, by hand.
 *
 * <pre>
 * Two states, three actions, horizon 2, gamma 1; pi_e always takes a2, which was never logged.
 * Episode  step 0 (s,a,r)   step 1 (s,a,r)   return
 * e1       (s0,a0,-1)       (s1,a0,-2)        -3
 * e2       (s0,a0,-3)       (s1,a1,-4)        -7
 * e3       (s0,a1,-5)       (s1,a1,-6)        -11     clinicians' mean return -7
 *
 * Stage 1 (last decision): Q(s1,a0) = -2, Q(s1,a1) = -5 (mean of -4, -6); Q(s0,a0) = -2, Q(s0,a1) = -5.
 *   CLINICIANS: Q(s1,a2) = (1*-2 + 2*-5) / 3 = -4, so V1(s1) = -4.   ZERO: Q(s1,a2) = 0 = V1(s1).
 * Stage 0: Q(s0,a0) = -2 + V1(s1), Q(s0,a1) = -5 + V1(s1).
 *   CLINICIANS: -6 and -9; Q(s0,a2) = (2*-6 + 1*-9) / 3 = -7 = V0(s0): the estimate is -7.
 *   ZERO: Q(s0,a2) = 0: the estimate is 0, better than anything logged.
 * </pre>
 */
class FqeUnloggedPairsTest {

    private static final double[][] BEHAVIOUR = {{2.0 / 3, 1.0 / 3, 0}, {1.0 / 3, 2.0 / 3, 0}};
    private static final double[] ALWAYS_A2 = {0, 0, 1};

    private static OpeDataset data() {
        return new OpeDataset(3, 2, List.of(
                episode("e1", new int[] {0, 0}, new double[] {-1, -2}),
                episode("e2", new int[] {0, 1}, new double[] {-3, -4}),
                episode("e3", new int[] {1, 1}, new double[] {-5, -6})));
    }

    private static LoggedEpisode episode(String id, int[] actions, double[] rewards) {
        int[] states = {0, 1};
        double[] b = new double[2];
        double[][] e = new double[2][];
        for (int t = 0; t < 2; t++) {
            b[t] = BEHAVIOUR[states[t]][actions[t]];
            e[t] = ALWAYS_A2;
        }
        return new LoggedEpisode(id, states, actions, rewards, b, e, false);
    }

    @Test
    void unloggedPairsGetTheCliniciansValueAtTheirState() {
        FittedQEvaluation fqe = FittedQEvaluation.finiteHorizon(2, 1);
        FqeFit fit = fqe.fit(data());

        assertThat(fqe.unlogged()).isEqualTo(UnloggedPairs.CLINICIANS);
        assertThat(fit.unsupportedPairs()).isEqualTo(2);
        assertThat(fit.q().values(1, 1)).containsExactly(new double[] {-2, -5, -4}, within(1e-12));
        assertThat(fit.q().values(0, 0)).containsExactly(new double[] {-6, -9, -7}, within(1e-12));
        assertThat(fqe.estimate(data()).estimate()).isCloseTo(-7, within(1e-12));
    }

    @Test
    void textbookZeroIsOptimisticWithNegativeRewards() {
        FittedQEvaluation fqe = FittedQEvaluation.finiteHorizon(2, 1).withUnloggedPairs(UnloggedPairs.ZERO);

        assertThat(fqe.fit(data()).q().values(0, 0)).containsExactly(new double[] {-2, -5, 0}, within(1e-12));
        assertThat(fqe.estimate(data()).estimate()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aRuleIsRequired() {
        assertThatThrownBy(() -> FittedQEvaluation.finiteHorizon(2, 1).withUnloggedPairs(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unlogged pairs");
    }
}
