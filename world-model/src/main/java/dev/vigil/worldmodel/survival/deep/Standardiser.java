package dev.vigil.worldmodel.survival.deep;

import dev.vigil.worldmodel.survival.SurvivalData;

/**
 * z = (x - mean) / scale per covariate, with the training split's means and sample standard deviations (scale 1
 * for a column constant in training).
 */
public record Standardiser(double[] means, double[] scales) {

    /** Fits means and standard deviations to the covariates of {@code data}. */
    static Standardiser fit(SurvivalData data) {
        int p = data.covariateCount();
        double[] means = new double[p];
        double[] scales = new double[p];
        for (int j = 0; j < p; j++) {
            double[] column = data.column(j);
            double sum = 0;
            for (double v : column) {
                sum += v;
            }
            means[j] = sum / column.length;
            double squares = 0;
            for (double v : column) {
                squares += (v - means[j]) * (v - means[j]);
            }
            double sd = Math.sqrt(squares / Math.max(1, column.length - 1));
            scales[j] = sd > 0 ? sd : 1;
        }
        return new Standardiser(means, scales);
    }

    /** The standardised vector. */
    public double[] apply(double[] x) {
        if (x.length != means.length) {
            throw new IllegalArgumentException("covariate vector has " + x.length + " values, expected "
                    + means.length);
        }
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - means[j]) / scales[j];
        }
        return z;
    }

    /** Every row of {@code data}, standardised. */
    double[][] apply(SurvivalData data) {
        double[][] out = new double[data.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(data.covariates()[i]);
        }
        return out;
    }
}
