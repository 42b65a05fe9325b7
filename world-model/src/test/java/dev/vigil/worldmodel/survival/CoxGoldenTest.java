package dev.vigil.worldmodel.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cox fits on four subjects, one binary covariate, derived by hand. Let theta = exp(beta).
 *
 * <pre>
 *   subject  time  event  x
 *   a        1     1      0
 *   b        2     1      1
 *   c        2     1      0     (tied with b)
 *   d        3     0      1
 * </pre>
 *
 * At t = 1 the risk set {a,b,c,d} has S0 = 2 + 2 theta and the event a has x = 0: term -log(2 + 2 theta).
 * At t = 2 the risk set {b,c,d} has S0 = 1 + 2 theta; the events b, c have D0 = 1 + theta and sum x = 1.
 *
 * <p>Breslow: l(beta) = beta - log(2 + 2 theta) - 2 log(1 + 2 theta). Score U = 1 - theta/(1+theta) -
 * 4 theta/(1+2 theta) = 0 gives 1 + 2 theta = 4 theta + 4 theta^2, so theta = (sqrt 5 - 1)/4. Information
 * I = theta/(1+theta)^2 + 4 theta/(1+2 theta)^2 (each risk set contributes d times the variance of x under
 * weights w: m(1-m) with m = theta/(1+theta) resp. 2 theta/(1+2 theta)).
 *
 * <p>Efron: the second event sees S0 - D0/2 = (1 + 3 theta)/2, so l(beta) = beta - log(2 + 2 theta) -
 * log(1 + 2 theta) - log((1 + 3 theta)/2); U = 1 - theta/(1+theta) - 2 theta/(1+2 theta) - 3 theta/(1+3 theta);
 * U = 0 reduces to 12 theta^3 + 11 theta^2 - 1 = 0; I = theta/(1+theta)^2 + 2 theta/(1+2 theta)^2 +
 * 3 theta/(1+3 theta)^2.
 *
 * <p>At beta = 0: Breslow l = -log 4 - 2 log 3; Efron l = -log 4 - log 3 - log 2.
 *
 * <p>Baseline hazard at x = 0 (x only takes 0/1, so R does not centre it): jumps 1/(2 + 2 theta) at t = 1 and
 * 2/(1 + 2 theta) (Breslow) or 1/(1 + 2 theta) + 2/(1 + 3 theta) (Efron) at t = 2.
 */
class CoxGoldenTest {

    static final SurvivalData DATA = new SurvivalData(new double[] {1, 2, 2, 3}, new int[] {1, 1, 1, 0},
            new double[][] {{0}, {1}, {0}, {1}}, List.of("x"), "golden");

    @Test
    void breslowMatchesTheClosedForm() {
        double theta = (Math.sqrt(5) - 1) / 4;
        double beta = Math.log(theta);
        double info = theta / sq(1 + theta) + 4 * theta / sq(1 + 2 * theta);

        CoxModel model = CoxRegression.fit(DATA, Ties.BRESLOW);
        CoxTerm term = model.fit().terms().get("x");

        assertThat(term.coefficient()).isCloseTo(beta, within(1e-9));
        assertThat(term.standardError()).isCloseTo(1 / Math.sqrt(info), within(1e-9));
        assertThat(term.hazardRatio()).isCloseTo(theta, within(1e-9));
        assertThat(term.z()).isCloseTo(beta * Math.sqrt(info), within(1e-8));
        assertThat(model.fit().logLikelihoodNull()).isCloseTo(-Math.log(4) - 2 * Math.log(3), within(1e-12));
        assertThat(model.fit().logLikelihood())
                .isCloseTo(beta - Math.log(2 + 2 * theta) - 2 * Math.log(1 + 2 * theta), within(1e-12));
        assertThat(model.centre()).containsExactly(0.0);

        double h1 = 1 / (2 + 2 * theta);
        double h2 = h1 + 2 / (1 + 2 * theta);
        assertThat(model.baseline().times()).containsExactly(1.0, 2.0);
        assertThat(model.baseline().cumulativeHazard()[0]).isCloseTo(h1, within(1e-12));
        assertThat(model.baseline().cumulativeHazard()[1]).isCloseTo(h2, within(1e-9));
        // S(t | x = 1) = exp(-H0(t) theta); S = 1 before the first event.
        assertThat(model.survival(new double[] {1}, 2.5)).isCloseTo(Math.exp(-h2 * theta), within(1e-9));
        assertThat(model.survival(new double[] {1}, 0.5)).isEqualTo(1.0);
        assertThat(model.survival(new double[] {1}).survival()[0]).isCloseTo(Math.exp(-h1 * theta), within(1e-9));
    }

    @Test
    void efronMatchesTheClosedForm() {
        // Root of 12 t^3 + 11 t^2 - 1 in (0, 1) by bisection (the polynomial increases there).
        double lo = 0;
        double hi = 1;
        for (int k = 0; k < 200; k++) {
            double mid = (lo + hi) / 2;
            if (12 * mid * mid * mid + 11 * mid * mid - 1 < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double theta = lo;
        double beta = Math.log(theta);
        double info = theta / sq(1 + theta) + 2 * theta / sq(1 + 2 * theta) + 3 * theta / sq(1 + 3 * theta);

        CoxModel model = CoxRegression.fit(DATA, Ties.EFRON);
        CoxTerm term = model.fit().terms().get("x");

        assertThat(term.coefficient()).isCloseTo(beta, within(1e-9));
        assertThat(term.standardError()).isCloseTo(1 / Math.sqrt(info), within(1e-9));
        assertThat(model.fit().logLikelihoodNull()).isCloseTo(-Math.log(4) - Math.log(3) - Math.log(2), within(1e-12));
        assertThat(model.fit().logLikelihood()).isCloseTo(
                beta - Math.log(2 + 2 * theta) - Math.log(1 + 2 * theta) - Math.log((1 + 3 * theta) / 2),
                within(1e-12));
        double h2 = 1 / (2 + 2 * theta) + 1 / (1 + 2 * theta) + 2 / (1 + 3 * theta);
        assertThat(model.baseline().at(2)).isCloseTo(h2, within(1e-9));
        assertThat(model.fit().ties()).isEqualTo(Ties.EFRON);
    }

    @Test
    void shiftingACovariateChangesNeitherTheFitNorThePredictions() {
        // x + 10 is no longer an indicator, so it is centred on its mean: same beta, likelihood and S(t|x).
        double[][] shifted = {{10}, {11}, {10}, {11}};
        SurvivalData moved = new SurvivalData(DATA.times(), DATA.events(), shifted, List.of("x"), "shifted");
        CoxModel original = CoxRegression.fit(DATA, Ties.EFRON);
        CoxModel model = CoxRegression.fit(moved, Ties.EFRON);

        assertThat(model.centre()).containsExactly(10.5);
        assertThat(model.coefficients()[0]).isCloseTo(original.coefficients()[0], within(1e-9));
        assertThat(model.fit().logLikelihood()).isCloseTo(original.fit().logLikelihood(), within(1e-12));
        assertThat(model.survival(new double[] {11}, 2)).isCloseTo(original.survival(new double[] {1}, 2),
                within(1e-12));
    }

    @Test
    void halvesAStepThatOvershootsAndStillReachesTheMaximum() {
        // One outlying covariate value (10) makes a full Newton step overshoot on the way to the optimum (found by
        // a search over small data sets); the fit must halve it and still end where the score is zero.
        double[] times = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] events = {0, 1, 1, 1, 0, 1, 1, 1};
        double[][] x = {{1}, {10}, {0}, {1}, {0}, {0}, {1.2}, {1}};
        CoxModel model = CoxRegression.fit(new SurvivalData(times, events, x, List.of("x"), "outlier"), Ties.BRESLOW);

        assertThat(model.fit().stepHalvings()).isPositive();
        assertThat(model.fit().converged()).isTrue();
        double beta = model.coefficients()[0];
        // The score does not depend on centring, so the raw covariates do.
        CoxPartialLikelihood likelihood = new CoxPartialLikelihood(times, events, x, Ties.BRESLOW);
        assertThat(likelihood.evaluate(new double[] {beta}).score()[0]).isCloseTo(0, within(1e-6));
        double best = likelihood.evaluate(new double[] {beta}).logLikelihood();
        assertThat(model.fit().logLikelihood()).isCloseTo(best, within(1e-12));
        assertThat(likelihood.evaluate(new double[] {beta + 1e-3}).logLikelihood()).isLessThan(best);
        assertThat(likelihood.evaluate(new double[] {beta - 1e-3}).logLikelihood()).isLessThan(best);
    }

    @Test
    void convergesAtOnceWhenTheNullIsTheOptimum() {
        // Score exactly zero at beta = 0 (x balanced within every risk set up to rounding): the first Newton step
        // is ~1e-16 and may lower the log-likelihood by one ulp; R's rule (convergence test before the halving
        // test) stops there instead of halving until the iterations run out.
        double[] times = {1, 2, 3, 4, 5, 6};
        int[] events = {1, 0, 1, 1, 1, 1};
        double[][] x = {{2}, {1}, {0}, {0}, {1}, {1}};
        CoxFit fit = CoxRegression.fit(new SurvivalData(times, events, x, List.of("x"), "null"), Ties.BRESLOW).fit();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.iterations()).isEqualTo(1);
        assertThat(fit.terms().get("x").coefficient()).isCloseTo(0, within(1e-12));
    }

    @Test
    void reportsNonConvergenceWhenIterationsRunOut() {
        CoxFit fit = CoxRegression.fit(DATA, Ties.BRESLOW, 1, 1e-9).fit();
        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(1);
    }

    @Test
    void refusesCollinearCovariates() {
        SurvivalData collinear = new SurvivalData(DATA.times(), DATA.events(),
                new double[][] {{0, 0}, {1, 2}, {0, 0}, {1, 2}}, List.of("x", "twice_x"), "collinear.csv");
        assertThatThrownBy(() -> CoxRegression.fit(collinear, Ties.EFRON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collinear.csv").hasMessageContaining("singular")
                .hasMessageContaining("twice_x");
    }

    private static double sq(double v) {
        return v * v;
    }
}
