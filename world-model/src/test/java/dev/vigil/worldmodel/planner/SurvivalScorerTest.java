package dev.vigil.worldmodel.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.worldmodel.survival.CoxModel;
import dev.vigil.worldmodel.survival.CoxRegression;
import dev.vigil.worldmodel.survival.SurvivalCurve;
import dev.vigil.worldmodel.survival.SurvivalData;
import dev.vigil.worldmodel.survival.Ties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurvivalScorerTest {

    private static final int N = 120;
    private static final int P = ScorerFeatures.NAMES.size();

    /** Rows with two real effects (post viable volume and intensity) and exponential times, some censored. */
    private static double[][][] data(long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[N][P];
        double[][] timesEvents = new double[2][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < P; j++) {
                rows[i][j] = random.nextGaussian();
            }
            double eta = 0.8 * rows[i][0] + 0.5 * rows[i][6];
            double t = -Math.log(random.nextDouble()) / (0.002 * Math.exp(eta));
            double c = 200 + 1500 * random.nextDouble();
            timesEvents[0][i] = Math.min(t, c);
            timesEvents[1][i] = t <= c ? 1 : 0;
        }
        return new double[][][] {rows, timesEvents};
    }

    @Test
    void scorerIsTheDirectCoxFitOnItsFeatures() {
        double[][][] d = data(5);
        int[] events = new int[N];
        for (int i = 0; i < N; i++) {
            events[i] = (int) d[1][1][i];
        }
        SurvivalScorer scorer = SurvivalScorer.fit(d[0], d[1][0], events);
        // The scorer reads its own columns of the full rows.
        List<String> columns = ScorerSpec.defaults().columns();
        int[] index = ScorerSpec.indices(columns);
        double[][] own = new double[N][index.length];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < index.length; j++) {
                own[i][j] = d[0][i][index[j]];
            }
        }
        CoxModel direct = CoxRegression.fit(new SurvivalData(d[1][0], events, own, columns, "direct"), Ties.EFRON);

        assertThat(scorer.featureNames()).isEqualTo(columns);
        assertThat(scorer.coefficients()).containsExactly(direct.coefficients(), within(1e-12));
        for (int i = 0; i < 10; i++) {
            assertThat(scorer.risk(d[0][i])).isCloseTo(direct.linearPredictor(own[i]), within(1e-12));
            assertThat(scorer.curve(scorer.risk(d[0][i])).at(400)).isCloseTo(direct.survival(own[i], 400),
                    within(1e-12));
        }
        // The real effects are found.
        assertThat(scorer.coefficients()[0]).isBetween(0.5, 1.1);
        assertThat(scorer.coefficients()[6]).isBetween(0.25, 0.8);
    }

    @Test
    void missingValuesTakeTheTrainingMeans() {
        double[][][] d = data(6);
        int[] events = new int[N];
        for (int i = 0; i < N; i++) {
            events[i] = (int) d[1][1][i];
        }
        d[0][0][3] = Double.NaN; // one missing Child-Pugh score in training
        SurvivalScorer scorer = SurvivalScorer.fit(d[0], d[1][0], events);
        double mean = 0;
        for (int i = 1; i < N; i++) {
            mean += d[0][i][3];
        }
        mean /= N - 1;
        assertThat(scorer.imputation()[3]).isCloseTo(mean, within(1e-12));
        double[] row = d[0][3].clone();
        row[3] = Double.NaN;
        double[] imputed = d[0][3].clone();
        imputed[3] = mean;
        assertThat(scorer.risk(row)).isCloseTo(scorer.risk(imputed), within(1e-12));
    }

    @Test
    void jsonRoundTripKeepsEveryPrediction() {
        double[][][] d = data(7);
        int[] events = new int[N];
        for (int i = 0; i < N; i++) {
            events[i] = (int) d[1][1][i];
        }
        SurvivalScorer scorer = SurvivalScorer.fit(d[0], d[1][0], events);
        SurvivalScorer back = SurvivalScorer.fromJson(scorer.toJson(), "scorer.json");
        for (int i = 0; i < 5; i++) {
            assertThat(back.risk(d[0][i])).isEqualTo(scorer.risk(d[0][i]));
        }
        assertThat(back.toJson()).isEqualTo(scorer.toJson());
        assertThatThrownBy(() -> SurvivalScorer.fromJson("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8),
                "x.json")).hasMessageContaining("x.json").hasMessageContaining("vigil-survival-scorer/1");
    }

    @Test
    void medianIsTheFirstTimeAtOrBelowOneHalf() {
        SurvivalCurve curve = new SurvivalCurve(new double[] {10, 20, 30}, new double[] {0.8, 0.5, 0.3});
        assertThat(SurvivalScorer.medianDays(curve)).isEqualTo(20);
        assertThat(SurvivalScorer.medianDays(new SurvivalCurve(new double[] {10}, new double[] {0.9}))).isNaN();
    }

    @Test
    void tooFewCasesAreRefused() {
        assertThatThrownBy(() -> SurvivalScorer.fit(new double[3][P], new double[3], new int[3]))
                .hasMessageContaining("at least " + (ScorerSpec.defaults().columns().size() + 2)
                        + " training cases, got 3");
        assertThatThrownBy(() -> SurvivalScorer.fit(new double[3][P], new double[3], new int[3],
                ScorerSpec.FRAILTY_COLUMNS, ScorerSpec.Source.MEASURED)).hasMessageContaining("at least 10 training"
                        + " cases, got 3");
    }
}
