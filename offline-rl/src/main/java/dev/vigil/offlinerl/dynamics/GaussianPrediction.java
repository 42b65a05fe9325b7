package dev.vigil.offlinerl.dynamics;

/**
 * One member's Gaussian over the next state.
 *
 * @param mean {@code double[s]}: the predicted next state (current state plus the mean delta), scaled
 * @param variance {@code double[s]}: per-feature variance, in scaled units squared
 */
public record GaussianPrediction(double[] mean, double[] variance) {

    public GaussianPrediction {
        mean = mean.clone();
        variance = variance.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }
}
