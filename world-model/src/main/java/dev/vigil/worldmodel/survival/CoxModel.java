package dev.vigil.worldmodel.survival;

import java.util.List;

/**
 * A fitted Cox model: its summary, the coefficients, the covariate means it was centred on (R's reference
 * subject) and the baseline cumulative hazard at those means, so that it predicts S(t|x) for new covariates.
 *
 * @param fit the summary (coefficients, standard errors, likelihoods, concordance)
 * @param covariateNames column order of {@code coefficients} and {@code centre}
 * @param coefficients beta
 * @param centre the value each covariate was centred on (its mean, or 0 for columns R leaves uncentred)
 * @param baseline H0(t) for a subject at {@code centre}
 */
public record CoxModel(CoxFit fit, List<String> covariateNames, double[] coefficients, double[] centre,
        BaselineHazard baseline) {

    public CoxModel {
        covariateNames = List.copyOf(covariateNames);
    }

    /** (x - centre)' beta: the log relative hazard against the reference subject. */
    public double linearPredictor(double[] x) {
        if (x.length != coefficients.length) {
            throw new IllegalArgumentException("covariate vector has " + x.length + " values, the model has "
                    + coefficients.length + " " + covariateNames);
        }
        double eta = 0;
        for (int j = 0; j < x.length; j++) {
            eta += (x[j] - centre[j]) * coefficients[j];
        }
        return eta;
    }

    /** Predicted survival curve S(t|x) = exp(-H0(t) exp(eta(x))). */
    public SurvivalCurve survival(double[] x) {
        return baseline.survival(linearPredictor(x));
    }

    /** Predicted S(t|x) at one time. */
    public double survival(double[] x, double t) {
        return Math.exp(-baseline.at(t) * Math.exp(linearPredictor(x)));
    }
}
