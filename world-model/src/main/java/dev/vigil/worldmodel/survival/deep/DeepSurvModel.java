package dev.vigil.worldmodel.survival.deep;

import dev.vigil.worldmodel.survival.BaselineHazard;
import dev.vigil.worldmodel.survival.SurvivalCurve;
import java.util.List;

/**
 * A trained DeepSurv model, independent of DJL: covariates are standardised with the training split's means and
 * standard deviations, the network gives the log relative hazard h(x), and the Breslow baseline hazard (estimated
 * on the training split with those h, reference h = 0) turns it into S(t|x) = exp(-H0(t) exp(h(x))).
 *
 * @param covariateNames column order expected by {@link #risk}
 * @param standardiser the training split's means and standard deviations
 * @param network the trained MLP (weights of the best validation epoch)
 * @param baseline Breslow H0(t) at h = 0
 * @param config the settings it was trained with
 * @param history losses per epoch and the early-stopping outcome
 */
public record DeepSurvModel(List<String> covariateNames, Standardiser standardiser, DeepSurvMlp network,
        BaselineHazard baseline, DeepSurvConfig config, TrainingHistory history) {

    public DeepSurvModel {
        covariateNames = List.copyOf(covariateNames);
    }

    /** Log relative hazard h(x) of raw (unstandardised) covariates; higher = earlier event. */
    public double risk(double[] x) {
        if (x.length != covariateNames.size()) {
            throw new IllegalArgumentException("covariate vector has " + x.length + " values, the model expects "
                    + covariateNames.size() + " " + covariateNames);
        }
        return network.forward(standardiser.apply(x));
    }

    /** Risks of many subjects. */
    public double[] risk(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = risk(x[i]);
        }
        return out;
    }

    /** Predicted survival curve S(t|x). */
    public SurvivalCurve survival(double[] x) {
        return baseline.survival(risk(x));
    }

    /** Predicted S(t|x) at one time. */
    public double survival(double[] x, double t) {
        return Math.exp(-baseline.at(t) * Math.exp(risk(x)));
    }
}
