package dev.vigil.offlinerl.dynamics;

import java.util.List;

/**
 * One ensemble member in plain Java: ReLU hidden layers and a linear head whose output is
 * {@code [mean (s), raw log-variance (s)]} of the standardised delta; the log-variance is softly bounded
 * as in PETS: {@code lv = max - softplus(max - raw); lv = min + softplus(lv - min)}.
 */
final class GaussianMlp {

    private final List<DenseLayer> layers;
    private final int outputs;

    GaussianMlp(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A member needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("Layer " + i + " takes " + layers.get(i).inputs() + " inputs but"
                        + " layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
        if (layers.get(layers.size() - 1).outputs() % 2 != 0) {
            throw new IllegalArgumentException("The head must output a mean and a log-variance per feature");
        }
        this.layers = List.copyOf(layers);
        this.outputs = layers.get(layers.size() - 1).outputs() / 2;
    }

    List<DenseLayer> layers() {
        return layers;
    }

    int inputs() {
        return layers.get(0).inputs();
    }

    /** Standardised delta dimension {@code s}. */
    int outputs() {
        return outputs;
    }

    /**
     * @param input {@code double[k * s + a]}
     * @return {@code double[2][s]}: standardised delta mean, bounded log-variance
     */
    double[][] forward(double[] input, double minLogVariance, double maxLogVariance) {
        double[] x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).apply(x);
            if (i < layers.size() - 1) {
                for (int j = 0; j < x.length; j++) {
                    x[j] = Math.max(0, x[j]);
                }
            }
        }
        double[] mean = new double[outputs];
        double[] logVariance = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            mean[j] = x[j];
            double lv = maxLogVariance - softplus(maxLogVariance - x[outputs + j]);
            logVariance[j] = minLogVariance + softplus(lv - minLogVariance);
        }
        return new double[][] {mean, logVariance};
    }

    static double softplus(double x) {
        // log(1 + e^x) without overflow.
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }
}
