package dev.vigil.offlinerl.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every estimator on a dataset small enough to compute by hand.
 *
 * <pre>
 * Two states, two actions.   pi_b(.|s0) = (0.5, 0.5)   pi_b(.|s1) = (0.25, 0.75)
 *                            pi_e(.|s0) = (0.25, 0.75) pi_e(.|s1) = (0.5, 0.5)
 * Ratios: (s0,a0) 0.5, (s0,a1) 1.5, (s1,a0) 2, (s1,a1) 2/3.
 *
 * Episode  step 0 (s,a,r)  step 1 (s,a,r)  w0    w1 = W   G (gamma 1)
 * 1        (s0,a0,1)       (s1,a0,2)       0.5   1        3
 * 2        (s0,a1,0)       (s1,a1,1)       1.5   1        1
 * 3        (s1,a0,0)       (s0,a1,3)       2     3        3
 *
 * IS    = (1*3 + 1*1 + 3*3) / 3                       = 13/3
 * PDIS  = [(0.5*1 + 1*2) + (1.5*0 + 1*1) + (2*0 + 3*3)] / 3 = 12.5/3 = 25/6
 * WIS   = (3 + 1 + 9) / (1 + 1 + 3)                    = 13/5
 * WPDIS = (0.5*1 + 0 + 0) / (0.5 + 1.5 + 2) + (1*2 + 1*1 + 3*3) / (1 + 1 + 3) = 0.125 + 2.4 = 2.525
 * ESS   = (1 + 1 + 3)^2 / (1 + 1 + 9)                  = 25/11
 * With gamma 0.5: IS = (1*2 + 1*0.5 + 3*1.5) / 3 = 7/3; PDIS = (1.5 + 0.5 + 4.5) / 3 = 13/6.
 *
 * Q model: Q(s0,.) = (1, 2), Q(s1,.) = (2, 0), so V(s0) = 0.25*1 + 0.75*2 = 1.75, V(s1) = 0.5*2 = 1.
 * DR per episode = sum_t [w_t (r_t - Q(s_t,a_t)) + w_{t-1} V(s_t)], w_{-1} = 1:
 *   1: 0.5*(1-1) + 1.75  +  1*(2-2) + 0.5*1   = 2.25
 *   2: 1.5*(0-2) + 1.75  +  1*(1-0) + 1.5*1   = 1.25
 *   3: 2*(0-2) + 1       +  3*(3-2) + 2*1.75  = 3.5
 *   DR = 7/3
 * WDR = [sum w0 (r0-Q0)] / sum w0 + [sum V(s_0)] / 3 + [sum w1 (r1-Q1)] / sum w1 + [sum w0 V(s_1)] / sum w0
 *     = (0 - 3 - 4)/4 + (1.75 + 1.75 + 1)/3 + (0 + 1 + 3)/5 + (0.5 + 1.5 + 3.5)/4
 *     = -1.75 + 1.5 + 0.8 + 1.375 = 1.925
 * </pre>
 */
class GoldenOpeTest {

    private static final double[][] BEHAVIOUR = {{0.5, 0.5}, {0.25, 0.75}};
    private static final double[][] EVALUATION = {{0.25, 0.75}, {0.5, 0.5}};
    private static final double[][] Q = {{1, 2}, {2, 0}};

    static OpeDataset data() {
        return new OpeDataset(2, 2, List.of(
                episode("e1", new int[] {0, 1}, new int[] {0, 0}, new double[] {1, 2}),
                episode("e2", new int[] {0, 1}, new int[] {1, 1}, new double[] {0, 1}),
                episode("e3", new int[] {1, 0}, new int[] {0, 1}, new double[] {0, 3})));
    }

    private static LoggedEpisode episode(String id, int[] s, int[] a, double[] r) {
        double[] b = new double[s.length];
        double[][] e = new double[s.length][];
        for (int t = 0; t < s.length; t++) {
            b[t] = BEHAVIOUR[s[t]][a[t]];
            e[t] = EVALUATION[s[t]];
        }
        return new LoggedEpisode(id, s, a, r, b, e, false);
    }

    private static StepActionValues model(OpeDataset data) {
        return new TabularQFunction(new double[][][] {Q}).at(data);
    }

    @Test
    void importanceSampling() {
        OpeResult result = new ImportanceSampling(1).estimate(data());

        assertThat(result.estimate()).isCloseTo(13.0 / 3, within(1e-12));
        assertThat(result.effectiveSampleSize()).isCloseTo(25.0 / 11, within(1e-12));
        assertThat(result.validWeightShare()).isEqualTo(1.0);
        assertThat(result.contributions()).containsExactly(new double[] {3, 1, 9}, within(1e-12));
    }

    @Test
    void perDecisionImportanceSampling() {
        assertThat(new PerDecisionImportanceSampling(1).estimate(data()).estimate()).isCloseTo(25.0 / 6,
                within(1e-12));
    }

    @Test
    void weightedImportanceSampling() {
        OpeResult result = new WeightedImportanceSampling(1).estimate(data());

        assertThat(result.estimate()).isCloseTo(13.0 / 5, within(1e-12));
        assertThat(result.effectiveSampleSize()).isCloseTo(25.0 / 11, within(1e-12));
        // Contributions W_i G_i / mean(W) average to the estimate.
        assertThat(result.contributions()).containsExactly(new double[] {3 * 0.6, 1 * 0.6, 9 * 0.6}, within(1e-12));
    }

    @Test
    void weightedPerDecisionImportanceSampling() {
        assertThat(new WeightedPerDecisionImportanceSampling(1).estimate(data()).estimate()).isCloseTo(2.525,
                within(1e-12));
    }

    @Test
    void discountWeightsLaterRewardsLess() {
        assertThat(new ImportanceSampling(0.5).estimate(data()).estimate()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(new PerDecisionImportanceSampling(0.5).estimate(data()).estimate()).isCloseTo(13.0 / 6,
                within(1e-12));
    }

    @Test
    void doublyRobust() {
        OpeDataset data = data();

        OpeResult result = new DoublyRobust(1, model(data)).estimate(data);

        assertThat(result.estimate()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(result.contributions()).containsExactly(new double[] {2.25, 1.25, 3.5}, within(1e-12));
    }

    @Test
    void weightedDoublyRobust() {
        OpeDataset data = data();

        assertThat(new WeightedDoublyRobust(1, model(data)).estimate(data).estimate()).isCloseTo(1.925,
                within(1e-12));
    }

    @Test
    void anEpisodeTheEvaluationPolicyNeverFollowsHasNoWeight() {
        LoggedEpisode never = new LoggedEpisode("e4", new int[] {0}, new int[] {0}, new double[] {5},
                new double[] {0.5}, new double[][] {{0, 1}}, false);
        OpeDataset data = new OpeDataset(2, 2, List.of(data().episodes().get(0), never));

        OpeResult result = new WeightedImportanceSampling(1).estimate(data);

        assertThat(result.validWeightShare()).isEqualTo(0.5);
        assertThat(result.estimate()).isCloseTo(3, within(1e-12));
    }

    @Test
    void bootstrapIsSeededAndBracketsTheEstimate() {
        OpeResult result = new WeightedImportanceSampling(1).estimate(data());
        Bootstrap bootstrap = new Bootstrap(new BootstrapConfig(500, 0.9, 3));

        BootstrapInterval first = bootstrap.interval(result);
        BootstrapInterval second = bootstrap.interval(result);

        assertThat(first).isEqualTo(second);
        assertThat(first.lower()).isLessThanOrEqualTo(first.lowerBound());
        assertThat(first.lowerBound()).isLessThanOrEqualTo(first.estimate());
        assertThat(first.upper()).isGreaterThanOrEqualTo(first.estimate());
        // Each resample's WIS is an average of returns 3, 1, 3 weighted by W, so it stays within [1, 3].
        assertThat(first.lower()).isGreaterThanOrEqualTo(1.0);
        assertThat(first.upper()).isLessThanOrEqualTo(3.0);
    }

    @Test
    void typeSevenQuantilesInterpolate() {
        double[] sorted = {1, 2, 3, 4};

        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Bootstrap.quantile(sorted, 0.05)).isCloseTo(1.15, within(1e-12));
    }

    @Test
    void lowerBoundSelectionPrefersTheSaferPolicy() {
        BootstrapInterval risky = new BootstrapInterval("risky", 0.9, -0.5, 2.0, -0.3, 0.6, 1000, 0);
        BootstrapInterval safe = new BootstrapInterval("safe", 0.6, 0.4, 0.8, 0.45, 0.1, 1000, 0);

        assertThat(LowerBoundSelection.best(List.of(risky, safe))).isEqualTo(1);
    }
}
