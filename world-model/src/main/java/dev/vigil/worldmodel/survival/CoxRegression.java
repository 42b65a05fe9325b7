package dev.vigil.worldmodel.survival;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fits Cox proportional-hazards models the way R's {@code survival::coxph} (3.5.3) does: covariates centred on
 * their means except columns whose values all lie in {-1, 0, 1}; Newton-Raphson from beta = 0; a step that lowers
 * the log-likelihood is halved towards the previous estimate; converged when |1 - l_old / l_new| &lt;= 1e-9;
 * at most 20 iterations. Standard errors come from the inverse of the information matrix at the estimate.
 */
public final class CoxRegression {

    /** R's {@code coxph.control()} defaults. */
    public static final int DEFAULT_MAX_ITERATIONS = 20;
    public static final double DEFAULT_TOLERANCE = 1e-9;
    private static final double Z_975 = new NormalDistribution().inverseCumulativeProbability(0.975);

    private CoxRegression() {}

    /** Fits with R's default control settings. */
    public static CoxModel fit(SurvivalData data, Ties ties) {
        return fit(data, ties, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    /**
     * Fits a Cox model.
     *
     * @throws IllegalArgumentException if there are no covariates or no events, or the information matrix is
     *     singular (collinear or constant covariates)
     */
    public static CoxModel fit(SurvivalData data, Ties ties, int maxIterations, double tolerance) {
        int n = data.size();
        int p = data.covariateCount();
        if (p == 0) {
            throw new IllegalArgumentException(data.source() + ": no covariates to fit (use KaplanMeier)");
        }
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException(data.source() + ": no events; a Cox model cannot be fitted");
        }
        double[] centre = centres(data);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = data.covariates()[i][j] - centre[j];
            }
        }
        CoxPartialLikelihood likelihood = new CoxPartialLikelihood(data.times(), data.events(), x, ties);

        double[] beta = new double[p];
        CoxPartialLikelihood.Evaluation current = likelihood.evaluate(beta);
        double logLikNull = current.logLikelihood();
        double[] candidate = add(beta, solve(current, data));
        int iterations = 0;
        boolean converged = false;
        int halving = 0;
        int stepHalvings = 0;
        for (int iter = 1; iter <= maxIterations; iter++) {
            iterations = iter;
            CoxPartialLikelihood.Evaluation next = likelihood.evaluate(candidate);
            // As R's coxfit6: the convergence test comes first and ignores the direction of a tiny change (at an
            // optimum the step can lower the log-likelihood by rounding), but never directly after a halving.
            boolean improved = !Double.isNaN(next.logLikelihood()) && next.logLikelihood() >= current.logLikelihood();
            if (halving == 0 && Math.abs(1 - current.logLikelihood() / next.logLikelihood()) <= tolerance) {
                beta = candidate;
                current = next;
                converged = true;
                break;
            }
            if (!improved) {
                // Step halving: move half-way back towards the last accepted estimate.
                halving++;
                stepHalvings++;
                for (int j = 0; j < p; j++) {
                    candidate[j] = (candidate[j] + beta[j]) / 2;
                }
            } else {
                halving = 0;
                beta = candidate;
                current = next;
                candidate = add(beta, solve(current, data));
            }
        }
        RealMatrix covariance = decompose(current, data).getInverse();
        NormalDistribution normal = new NormalDistribution();
        Map<String, CoxTerm> terms = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance.getEntry(j, j));
            double z = beta[j] / se;
            double pValue = 2 * normal.cumulativeProbability(-Math.abs(z));
            terms.put(data.covariateNames().get(j), new CoxTerm(beta[j], se, z, pValue,
                    Math.exp(beta[j]), Math.exp(beta[j] - Z_975 * se), Math.exp(beta[j] + Z_975 * se)));
        }
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = CoxPartialLikelihood.dot(x[i], beta);
        }
        double chiSquare = 2 * (current.logLikelihood() - logLikNull);
        double lrP = 1 - new ChiSquaredDistribution(p).cumulativeProbability(chiSquare);
        double concordance = Concordance.harrell(data.times(), data.events(), eta).index();
        CoxFit fit = new CoxFit(terms, logLikNull, current.logLikelihood(), chiSquare, lrP, concordance, n,
                data.eventCount(), ties, iterations, stepHalvings, converged, data.source());
        return new CoxModel(fit, data.covariateNames(), beta.clone(), centre,
                BaselineHazard.estimate(data.times(), data.events(), eta, ties));
    }

    /**
     * R centres every covariate on its mean, except those whose values are all -1, 0 or 1 (indicator codings),
     * which stay as they are. Centring changes neither beta nor the likelihood, only the reference subject of the
     * baseline hazard and the size of exp(eta) in the sums.
     */
    static double[] centres(SurvivalData data) {
        int p = data.covariateCount();
        double[] centre = new double[p];
        for (int j = 0; j < p; j++) {
            double[] column = data.column(j);
            boolean indicator = true;
            double sum = 0;
            for (double v : column) {
                indicator &= v == -1 || v == 0 || v == 1;
                sum += v;
            }
            centre[j] = indicator ? 0 : sum / column.length;
        }
        return centre;
    }

    private static double[] solve(CoxPartialLikelihood.Evaluation evaluation, SurvivalData data) {
        return decompose(evaluation, data).solve(new ArrayRealVector(evaluation.score())).toArray();
    }

    private static DecompositionSolver decompose(CoxPartialLikelihood.Evaluation evaluation, SurvivalData data) {
        try {
            RealMatrix information = new Array2DRowRealMatrix(evaluation.information());
            return new CholeskyDecomposition(information, 1e-12, 1e-12).getSolver();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException(data.source() + ": the Cox information matrix is singular: covariates "
                    + data.covariateNames() + " are collinear, constant among the subjects at risk,"
                    + " or perfectly separate the events", e);
        }
    }

    private static double[] add(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
