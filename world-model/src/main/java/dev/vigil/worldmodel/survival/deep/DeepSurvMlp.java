package dev.vigil.worldmodel.survival.deep;

import java.util.List;

/**
 * The trained network in plain Java: ReLU after every layer but the last, which outputs the log relative hazard.
 * Dropout is the identity at prediction time (DJL scales kept units by 1/(1-p) while training).
 */
public record DeepSurvMlp(List<DenseLayer> layers) {

    public DeepSurvMlp {
        layers = List.copyOf(layers);
        if (layers.isEmpty() || layers.get(layers.size() - 1).outputs() != 1) {
            throw new IllegalArgumentException("a DeepSurv network ends in one output unit");
        }
    }

    /** Log relative hazard of a standardised covariate vector. */
    public double forward(double[] x) {
        double[] h = x;
        for (int l = 0; l < layers.size(); l++) {
            h = layers.get(l).apply(h);
            if (l < layers.size() - 1) {
                for (int k = 0; k < h.length; k++) {
                    h[k] = Math.max(0, h[k]);
                }
            }
        }
        return h[0];
    }
}
