package dev.vigil.offlinerl.ope;

/**
 * What an estimate is made of, per episode, so that the bootstrap can recompute it on a resample:
 * {@code estimate = sum over k of (sum_i numerators[i][k]) / (sum_i denominators[i][k])}. Plain estimators have
 * one term with denominators 1 (a mean); self-normalised ones divide by summed importance weights (one term
 * per time step for the per-decision forms). A term whose denominators sum to 0 has no support and adds 0;
 * when no term has support the estimate is NaN.
 *
 * @param numerators shape (n, K)
 * @param denominators shape (n, K), non-negative
 */
public record EpisodeTerms(double[][] numerators, double[][] denominators) {

    public EpisodeTerms {
        if (numerators == null || denominators == null || numerators.length == 0
                || numerators.length != denominators.length) {
            throw new IllegalArgumentException("Episode terms need numerators and denominators for the same n >= 1 "
                    + "episodes");
        }
        numerators = copy(numerators);
        denominators = copy(denominators);
        int k = numerators[0].length;
        for (int i = 0; i < numerators.length; i++) {
            if (numerators[i].length != k || denominators[i].length != k) {
                throw new IllegalArgumentException("Episode " + i + " has " + numerators[i].length + " numerators and "
                        + denominators[i].length + " denominators; every episode needs " + k + " of each");
            }
            for (int j = 0; j < k; j++) {
                if (!(denominators[i][j] >= 0) || Double.isInfinite(denominators[i][j])
                        || !Double.isFinite(numerators[i][j])) {
                    throw new IllegalArgumentException("Episode " + i + ", term " + j + " is not finite or has a "
                            + "negative denominator");
                }
            }
        }
    }

    /** n episodes, each term's denominator 1: the estimate is the mean of {@code values}. */
    static EpisodeTerms mean(double[] values) {
        double[][] a = new double[values.length][1];
        double[][] b = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            a[i][0] = values[i];
            b[i][0] = 1;
        }
        return new EpisodeTerms(a, b);
    }

    /** Number of episodes n. */
    public int episodes() {
        return numerators.length;
    }

    /** The estimate on all episodes. */
    public double estimate() {
        int[] all = new int[numerators.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return estimate(all);
    }

    /** The estimate on a resample: {@code sample} lists episode indexes, repeats allowed. */
    public double estimate(int[] sample) {
        int k = numerators[0].length;
        double total = 0;
        boolean supported = false;
        for (int j = 0; j < k; j++) {
            double a = 0;
            double b = 0;
            for (int i : sample) {
                a += numerators[i][j];
                b += denominators[i][j];
            }
            if (b > 0) {
                total += a / b;
                supported = true;
            }
        }
        return supported ? total : Double.NaN;
    }

    /**
     * Each episode's share, scaled so that the estimate is their mean:
     * {@code sum over k of numerators[i][k] / mean_j(denominators[j][k])}.
     */
    public double[] perEpisode() {
        int n = numerators.length;
        int k = numerators[0].length;
        double[] c = new double[n];
        for (int j = 0; j < k; j++) {
            double b = 0;
            for (int i = 0; i < n; i++) {
                b += denominators[i][j];
            }
            if (b > 0) {
                for (int i = 0; i < n; i++) {
                    c[i] += numerators[i][j] * n / b;
                }
            }
        }
        return c;
    }

    /**
     * Sample standard deviation of {@link #perEpisode()} over sqrt(n): the standard error of a plain estimator;
     * for self-normalised ones it ignores the variance of the normaliser (use the bootstrap).
     */
    public double standardError() {
        double[] c = perEpisode();
        int n = c.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : c) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : c) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }

    @Override
    public double[][] numerators() {
        return copy(numerators);
    }

    @Override
    public double[][] denominators() {
        return copy(denominators);
    }

    private static double[][] copy(double[][] source) {
        double[][] c = new double[source.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = source[i].clone();
        }
        return c;
    }
}
