package dev.vigil.worldmodel.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Concordance and Brier scores on five subjects, worked by hand:
 *
 * <pre>
 *   i  time  event  risk
 *   0  1     1      0.9
 *   1  2     1      0.5
 *   2  2     0      0.5   (censored at the event time of 1: still at risk, so (1,2) is comparable)
 *   3  3     1      0.7
 *   4  4     0      0.1
 * </pre>
 */
class MetricsGoldenTest {

    static final double[] T = {1, 2, 2, 3, 4};
    static final int[] E = {1, 1, 0, 1, 0};
    static final double[] RISK = {0.9, 0.5, 0.5, 0.7, 0.1};

    @Test
    void harrellsCCountsPairsLikeR() {
        // i=0 beats all four later subjects: 4 concordant. i=1: (1,2) tied risk, (1,3) discordant (0.5 < 0.7),
        // (1,4) concordant. i=3: (3,4) concordant. C = (6 + 1/2) / (6 + 1 + 1) = 0.8125.
        ConcordanceResult c = Concordance.harrell(T, E, RISK);
        assertThat(c.concordant()).isEqualTo(6);
        assertThat(c.discordant()).isEqualTo(1);
        assertThat(c.tiedRisk()).isEqualTo(1);
        assertThat(c.index()).isEqualTo(0.8125);
    }

    @Test
    void unosCWeightsPairsByTheCensoringDistribution() {
        // Censoring KM G (censorings as events; at t = 2 subject 1's event counts as "censored" for G):
        // G = 1 on [0,2), 1 - 1/4 = 3/4 on [2,4), 0 from 4. Weights 1/G(t_i-)^2: i=0 -> 1, i=1 -> 1,
        // i=3 -> 16/9. Concordant 4 + 1 + 16/9 = 61/9, discordant 1, tied 1:
        // C = (61/9 + 1/2) / (61/9 + 2) = 131/158.
        ConcordanceResult c = Concordance.uno(T, E, RISK, Double.POSITIVE_INFINITY);
        assertThat(c.concordant()).isCloseTo(61.0 / 9, within(1e-12));
        assertThat(c.index()).isCloseTo(131.0 / 158, within(1e-12));
        // tau = 2.5 drops i = 3: (5 + 1/2) / 7.
        assertThat(Concordance.uno(T, E, RISK, 2.5).index()).isCloseTo(5.5 / 7, within(1e-12));
    }

    @Test
    void brierScoreAtATimeAndIntegrated() {
        SurvivalCurve g = KaplanMeier.censoringSurvival(T, E);
        assertThat(g.at(2.5)).isEqualTo(0.75);
        // t = 2.5, S = (0.2, 0.6, 0.5, 0.3, 0.9): i=0 event before t: 0.2^2 / G(1-) = 0.04; i=1: 0.6^2 / G(2-) =
        // 0.36; i=2 censored before t: 0; i=3, 4 alive at t: 0.7^2 / 0.75 and 0.1^2 / 0.75. Sum 1.0666..., / 5.
        double[] at25 = {0.2, 0.6, 0.5, 0.3, 0.9};
        double bs25 = (0.04 + 0.36 + 0.49 / 0.75 + 0.01 / 0.75) / 5;
        assertThat(BrierScore.at(T, E, at25, 2.5, g)).isCloseTo(bs25, within(1e-12)).isCloseTo(0.2133333, within(1e-7));
        // t = 3.5, S = (0.1, 0.5, 0.4, 0.2, 0.8): 0.01 + 0.25 + 0 + 0.2^2 / G(3-) + 0.2^2 / G(3.5), / 5.
        double[] at35 = {0.1, 0.5, 0.4, 0.2, 0.8};
        double bs35 = (0.01 + 0.25 + 0.04 / 0.75 + 0.04 / 0.75) / 5;
        assertThat(BrierScore.at(T, E, at35, 3.5, g)).isCloseTo(bs35, within(1e-12));
        // Trapezoid over [2.5, 3.5] divided by its length 1.
        double[][] both = new double[5][];
        for (int i = 0; i < 5; i++) {
            both[i] = new double[] {at25[i], at35[i]};
        }
        assertThat(BrierScore.integrated(T, E, both, new double[] {2.5, 3.5}, g))
                .isCloseTo((bs25 + bs35) / 2, within(1e-12)).isCloseTo(0.1433333, within(1e-7));
    }

    @Test
    void perfectReversedAndRandomRankings() {
        Random random = new Random(7);
        int n = 3000;
        double[] t = new double[n];
        int[] e = new int[n];
        double[] perfect = new double[n];
        double[] reversed = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = -Math.log(random.nextDouble());
            e[i] = random.nextDouble() < 0.7 ? 1 : 0;
            perfect[i] = -t[i];
            reversed[i] = t[i];
            noise[i] = random.nextGaussian();
        }
        assertThat(Concordance.harrell(t, e, perfect).index()).isEqualTo(1.0);
        assertThat(Concordance.harrell(t, e, reversed).index()).isEqualTo(0.0);
        assertThat(Concordance.harrell(t, e, noise).index()).isCloseTo(0.5, within(0.03));
        assertThat(Concordance.uno(t, e, perfect, 1.5).index()).isEqualTo(1.0);
        assertThat(Concordance.uno(t, e, reversed, 1.5).index()).isEqualTo(0.0);
        assertThat(Concordance.uno(t, e, noise, 1.5).index()).isCloseTo(0.5, within(0.03));
        double[] constant = new double[n];
        assertThat(Concordance.harrell(t, e, constant).index()).isEqualTo(0.5);
    }

    @Test
    void brierScoreOfKaplanMeierWithoutCensoringIsSTimesOneMinusS() {
        // No censoring: G = 1; a fraction S of subjects is alive at t, so BS = (1-S) S^2 + S (1-S)^2 = S(1-S).
        Random random = new Random(11);
        int n = 400;
        double[] t = new double[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = -Math.log(random.nextDouble());
            e[i] = 1;
        }
        KaplanMeierFit km = KaplanMeier.estimate(t, e);
        SurvivalCurve g = KaplanMeier.censoringSurvival(t, e);
        for (double time : new double[] {0.2, 0.7, 1.5}) {
            double s = km.survivalAt(time);
            double[] predictions = new double[n];
            java.util.Arrays.fill(predictions, s);
            assertThat(BrierScore.at(t, e, predictions, time, g)).isCloseTo(s * (1 - s), within(1e-12));
        }
    }
}
