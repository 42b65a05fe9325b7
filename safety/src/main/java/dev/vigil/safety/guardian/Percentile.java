package dev.vigil.safety.guardian;

import java.util.Arrays;

/**
 * Percentiles with linear interpolation between closest ranks (numpy's default, which the released
 * OGSRL code used): rank = p / 100 * (n - 1).
 */
public final class Percentile {

    private Percentile() {
    }

    /**
     * The {@code p}-th percentile of {@code values}.
     *
     * @param values {@code double[n]}, n >= 1, finite; not modified
     * @param p in [0, 100]
     */
    public static double of(double[] values, double p) {
        requirePercent(p, "percentile");
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Cannot take a percentile of no values; pass at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("Values contain NaN; remove them before taking a percentile");
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = rank - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    static void requirePercent(double p, String name) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException(name + " must be in [0, 100] (e.g. 5 for the 5th percentile), got " + p);
        }
    }
}
