package dev.vigil.offlinerl.ope;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over episodes: draws n episodes with replacement B times and recomputes the estimate
 * from the result's {@link EpisodeTerms}, so self-normalised estimators are renormalised on each resample.
 * A fitted model (FQE's Q, the doubly robust model) is held fixed, so their intervals leave out the model's
 * own variance. Quantiles interpolate linearly between order statistics (type 7).
 */
public final class Bootstrap {

    private final BootstrapConfig config;

    public Bootstrap(BootstrapConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("The bootstrap needs a config, e.g. new BootstrapConfig(2000, 0.95, seed)");
        }
        this.config = config;
    }

    public BootstrapInterval interval(OpeResult result) {
        EpisodeTerms terms = result.terms();
        int n = terms.episodes();
        SplittableRandom rng = new SplittableRandom(config.seed());
        double[] values = new double[config.replicates()];
        int defined = 0;
        int[] sample = new int[n];
        for (int b = 0; b < config.replicates(); b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = rng.nextInt(n);
            }
            double v = terms.estimate(sample);
            if (!Double.isNaN(v)) {
                values[defined++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(values, defined);
        Arrays.sort(sorted);
        double level = config.confidenceLevel();
        return new BootstrapInterval(result.estimator(), result.estimate(), quantile(sorted, (1 - level) / 2),
                quantile(sorted, (1 + level) / 2), quantile(sorted, 1 - level), standardDeviation(sorted),
                config.replicates(), config.replicates() - defined);
    }

    /** Type-7 quantile of sorted values; NaN when there are none. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
