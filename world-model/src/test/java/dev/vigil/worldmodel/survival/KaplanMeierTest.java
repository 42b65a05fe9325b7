package dev.vigil.worldmodel.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    @Test
    void handComputedEstimateWithGreenwoodAndMedian() {
        // t=1: n=6, d=1 -> S = 5/6, G = 1/(6*5). t=2: n=5, d=1, one censored -> S = 2/3, G += 1/(5*4) = 1/12.
        // t=3: n=3, d=1 -> S = 4/9, G += 1/(3*2) -> 1/4, se = S sqrt(G) = 2/9. t=4 censored. t=5: n=1, d=1 -> 0.
        KaplanMeierFit km = KaplanMeier.estimate(new double[] {2, 1, 2, 3, 4, 5}, new int[] {1, 1, 0, 1, 0, 1});
        assertThat(km.times()).containsExactly(1, 2, 3, 4, 5);
        assertThat(km.atRisk()).containsExactly(6, 5, 3, 2, 1);
        assertThat(km.eventCounts()).containsExactly(1, 1, 1, 0, 1);
        assertThat(km.censoredCounts()).containsExactly(0, 1, 0, 1, 0);
        assertThat(km.survivalAt(0.5)).isEqualTo(1.0);
        assertThat(km.survivalAt(2.5)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(km.survivalAt(3)).isCloseTo(4.0 / 9, within(1e-15));
        assertThat(km.standardErrorAt(2)).isCloseTo(2.0 / 3 * Math.sqrt(1.0 / 12), within(1e-15));
        assertThat(km.standardErrorAt(3.5)).isCloseTo(2.0 / 9, within(1e-15));
        assertThat(km.survivalAt(5)).isEqualTo(0.0);
        assertThat(km.atRiskAt(2.5)).isEqualTo(3);
        assertThat(km.atRiskAt(3)).isEqualTo(3);
        assertThat(km.atRiskAt(6)).isZero();
        assertThat(km.median()).hasValue(3.0);
    }

    @Test
    void medianIsTheMidpointWhenSurvivalSitsAtOneHalf() {
        // S = 3/4, 1/2, 1/4, 0 at 1, 2, 3, 4: S = 0.5 exactly on [2, 3), so R reports (2 + 3) / 2.
        KaplanMeierFit km = KaplanMeier.estimate(new double[] {1, 2, 3, 4}, new int[] {1, 1, 1, 1});
        assertThat(km.median()).hasValue(2.5);
        // S = 1/2 from t = 1 and never lower: no later drop to average with, so the median is 1.
        assertThat(KaplanMeier.estimate(new double[] {1, 2}, new int[] {1, 0}).median()).hasValue(1.0);
        // S = 2/3 at the end: never reaches one half.
        assertThat(KaplanMeier.estimate(new double[] {1, 2, 3}, new int[] {1, 0, 0}).median()).isEmpty();
    }

    @Test
    void riskQuantileGroupsKeepTiesTogether() {
        assertThat(RiskGroups.byQuantiles(new double[] {5, 1, 3, 2, 4, 6}, 3)).containsExactly(2, 0, 1, 0, 1, 2);
        assertThat(RiskGroups.byQuantiles(new double[] {1, 1, 1, 2}, 2)).containsExactly(0, 0, 0, 1);
    }

    @Test
    void coxRiskGroupsOnLungSeparateSurvival() throws IOException {
        SurvivalData lung = SurvivalCsv.read(LungReference.csv(), "time", "event");
        CoxModel cox = CoxRegression.fit(lung, Ties.EFRON);
        double[] risk = new double[lung.size()];
        for (int i = 0; i < risk.length; i++) {
            risk[i] = cox.linearPredictor(lung.covariates()[i]);
        }
        Map<Integer, KaplanMeierFit> groups = KaplanMeier.byGroup(lung, RiskGroups.byQuantiles(risk, 3));
        assertThat(groups).containsOnlyKeys(0, 1, 2);
        int total = groups.values().stream().mapToInt(fit -> fit.atRisk()[0]).sum();
        assertThat(total).isEqualTo(lung.size());
        double low = groups.get(0).survivalAt(365);
        double high = groups.get(2).survivalAt(365);
        System.out.printf("lung 1-year KM survival by Cox risk tertile: low %.3f, middle %.3f, high %.3f%n", low,
                groups.get(1).survivalAt(365), high);
        assertThat(low).isGreaterThan(groups.get(1).survivalAt(365)).isGreaterThan(high);
    }

    @Test
    void brierOnLungCoxBeatsKaplanMeierAndKaplanMeierIsNearSTimesOneMinusS() throws IOException {
        SurvivalData lung = SurvivalCsv.read(LungReference.csv(), "time", "event");
        KaplanMeierFit km = KaplanMeier.estimate(lung);
        CoxModel cox = CoxRegression.fit(lung, Ties.EFRON);
        SurvivalCurve g = KaplanMeier.censoringSurvival(lung.times(), lung.events());
        double[] grid = new double[12];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = 60 + k * 60;
        }
        int n = lung.size();
        double[][] kmPred = new double[n][grid.length];
        double[][] coxPred = new double[n][grid.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < grid.length; k++) {
                kmPred[i][k] = km.survivalAt(grid[k]);
                coxPred[i][k] = cox.survival(lung.covariates()[i], grid[k]);
            }
        }
        double ibsKm = BrierScore.integrated(lung.times(), lung.events(), kmPred, grid, g);
        double ibsCox = BrierScore.integrated(lung.times(), lung.events(), coxPred, grid, g);
        System.out.printf("lung IBS over [60, 720] days: Kaplan-Meier %.4f, Cox (Efron) %.4f%n", ibsKm, ibsCox);
        assertThat(ibsCox).isLessThan(ibsKm);
        // The IPCW Brier score of the marginal KM is an estimate of S(1-S) (exactly that without censoring).
        for (double t : new double[] {180, 360}) {
            double s = km.survivalAt(t);
            double bs = BrierScore.at(lung.times(), lung.events(), column(kmPred, grid, t), t, g);
            assertThat(bs).isCloseTo(s * (1 - s), within(0.01));
        }
    }

    private static double[] column(double[][] predictions, double[] grid, double t) {
        int k = java.util.Arrays.binarySearch(grid, t);
        double[] out = new double[predictions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions[i][k];
        }
        return out;
    }
}
