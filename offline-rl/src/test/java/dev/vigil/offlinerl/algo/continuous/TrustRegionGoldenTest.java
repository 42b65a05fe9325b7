package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrustRegionGoldenTest {

    @Test
    void gaeMatchesHandComputedValues() {
        // delta = (1.4, -1.0, 2.45); A2 = 2.45, A1 = -1 + 0.72 * 2.45 = 0.764, A0 = 1.4 + 0.72 * 0.764 = 1.95008
        Gae.Result r = Gae.compute(new double[] {1, 0, 2}, new double[] {0.5, 1.0, 0.0, 0.5}, 0.9, 0.8);
        assertThat(r.advantages()).containsExactly(new double[] {1.95008, 0.764, 2.45}, within(1e-12));
        assertThat(r.targets()).containsExactly(new double[] {2.45008, 1.764, 2.45}, within(1e-12));
    }

    @Test
    void gaeWithLambdaOneIsTheDiscountedReturnMinusTheValue() {
        Gae.Result r = Gae.compute(new double[] {1, 1}, new double[] {0.3, 0.2, 0}, 0.5, 1.0);
        assertThat(r.targets()).containsExactly(new double[] {1.5, 1.0}, within(1e-12));
    }

    @Test
    void conjugateGradientSolvesATwoByTwoSystemExactlyInTwoSteps() {
        double[][] a = {{4, 1}, {1, 3}};
        double[] x = ConjugateGradient.solve(v -> new double[] {a[0][0] * v[0] + a[0][1] * v[1],
                a[1][0] * v[0] + a[1][1] * v[1]}, new double[] {1, 2}, 2, 0);
        assertThat(x).containsExactly(new double[] {1.0 / 11, 7.0 / 11}, within(1e-12));
    }

    @Test
    void gaussianKlMatchesTheClosedForm() {
        // log 2 + (1 + 1) / (2 * 4) - 1/2
        double kl = GaussianPolicyNetwork.kl(new double[] {0}, new double[] {0}, new double[] {1},
                new double[] {Math.log(2)});
        assertThat(kl).isCloseTo(Math.log(2) - 0.25, within(1e-12));
    }

    @Test
    void fisherVectorProductIsTheCurvatureOfTheKl() {
        GaussianPolicyNetwork p = new GaussianPolicyNetwork(2, 2, new int[] {5}, -0.5, new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(4);
        double[][] states = new double[7][2];
        for (double[] s : states) {
            s[0] = rng.nextDouble(-1, 1);
            s[1] = rng.nextDouble(-1, 1);
        }
        double[] v = new double[p.parameterCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        double[] fv = p.fisherVector(p.activations(states), v);
        double vfv = ConjugateGradient.dot(v, fv);
        double[][] oldMeans = new double[states.length][];
        for (int n = 0; n < states.length; n++) {
            oldMeans[n] = p.mean(states[n]);
        }
        double[] oldStd = p.logStd();
        double[] theta = p.parameters();
        double eps = 1e-4;
        double[] moved = theta.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += eps * v[i];
        }
        p.setParameters(moved);
        double kl = p.meanKl(states, oldMeans, oldStd);
        // KL(theta, theta + eps v) = eps^2 / 2 v^T F v + O(eps^3)
        assertThat(2 * kl / (eps * eps)).isCloseTo(vfv, within(1e-3 * Math.abs(vfv)));
    }

    @Test
    void trpoStepStaysInTheTrustRegionAndImprovesTheSurrogate() {
        GaussianPolicyNetwork p = new GaussianPolicyNetwork(1, 1, new int[] {8}, -0.5, new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(2);
        int n = 64;
        double[][] states = new double[n][1];
        double[][] actions = new double[n][];
        double[] adv = new double[n];
        for (int i = 0; i < n; i++) {
            states[i][0] = rng.nextDouble(-1, 1);
            actions[i] = p.sample(states[i], rng);
            adv[i] = actions[i][0];     // larger actions are better
        }
        double before = meanAction(p, states);
        TrustRegionUpdate u = new TrustRegionUpdate(new TrustRegionUpdate.Settings(0.01, 0.1, 10, 30, 0.8));
        TrustRegionUpdate.Outcome o = u.trpo(p, states, actions, adv, 8);
        assertThat(o.accepted()).isTrue();
        assertThat(o.kl()).isLessThanOrEqualTo(0.01).isPositive();
        assertThat(o.surrogateGain()).isPositive();
        assertThat(meanAction(p, states)).isGreaterThan(before);
    }

    @Test
    void trpoRejectsEveryStepWhenNothingCanImprove() {
        GaussianPolicyNetwork p = new GaussianPolicyNetwork(1, 1, new int[] {8}, -0.5, new SplittableRandom(1));
        double[][] states = {{0.1}, {0.2}};
        double[][] actions = {{0.0}, {0.1}};
        double[] before = p.parameters();
        TrustRegionUpdate u = new TrustRegionUpdate(new TrustRegionUpdate.Settings(0.01, 0.1, 10, 30, 0.8));
        TrustRegionUpdate.Outcome o = u.trpo(p, states, actions, new double[] {0, 0}, 1);
        assertThat(o.accepted()).isFalse();
        assertThat(p.parameters()).containsExactly(before);
    }

    @Test
    void cpoRecoversWhenTheBudgetIsBroken() {
        GaussianPolicyNetwork p = new GaussianPolicyNetwork(1, 1, new int[] {8}, -0.5, new SplittableRandom(5));
        SplittableRandom rng = new SplittableRandom(6);
        int n = 64;
        double[][] states = new double[n][1];
        double[][] actions = new double[n][];
        double[] adv = new double[n];
        double[] costAdv = new double[n];
        for (int i = 0; i < n; i++) {
            states[i][0] = rng.nextDouble(-1, 1);
            actions[i] = p.sample(states[i], rng);
            adv[i] = actions[i][0];      // reward wants larger actions
            costAdv[i] = actions[i][0];  // and so does cost
        }
        double before = meanAction(p, states);
        TrustRegionUpdate u = new TrustRegionUpdate(new TrustRegionUpdate.Settings(0.01, 0.1, 10, 30, 0.8));
        TrustRegionUpdate.Outcome o = u.cpo(p, states, actions, adv, costAdv, 10.0, 8);
        assertThat(o.cpoCase()).isZero();
        assertThat(o.accepted()).isTrue();
        assertThat(o.costSurrogateGain()).isNegative();
        assertThat(meanAction(p, states)).isLessThan(before);
    }

    private static double meanAction(GaussianPolicyNetwork p, double[][] states) {
        double s = 0;
        for (double[] x : states) {
            s += p.mean(x)[0];
        }
        return s / states.length;
    }
}
