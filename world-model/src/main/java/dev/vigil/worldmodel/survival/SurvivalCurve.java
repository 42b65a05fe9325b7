package dev.vigil.worldmodel.survival;

import java.util.Arrays;

/**
 * A right-continuous step function S(t): {@code survival[k]} holds on [times[k], times[k+1]); S = 1 before
 * {@code times[0]}.
 *
 * @param times increasing jump times
 * @param survival values after each jump, same length
 */
public record SurvivalCurve(double[] times, double[] survival) {

    public SurvivalCurve {
        if (times.length != survival.length) {
            throw new IllegalArgumentException(times.length + " times but " + survival.length + " survival values");
        }
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("times must increase: times[" + k + "] = " + times[k]);
            }
        }
    }

    /** S(t): the value at the last jump at or before t, 1 before the first. */
    public double at(double t) {
        int k = lastIndexAtOrBefore(times, t);
        return k < 0 ? 1.0 : survival[k];
    }

    /** S(t-): the value just before t. */
    public double before(double t) {
        int k = lastIndexBefore(times, t);
        return k < 0 ? 1.0 : survival[k];
    }

    /** Index of the last element of {@code sorted} that is at most t, or -1. */
    static int lastIndexAtOrBefore(double[] sorted, double t) {
        int k = Arrays.binarySearch(sorted, t);
        return k >= 0 ? k : -k - 2;
    }

    /** Index of the last element of {@code sorted} strictly below t, or -1. */
    static int lastIndexBefore(double[] sorted, double t) {
        int k = Arrays.binarySearch(sorted, t);
        return k >= 0 ? k - 1 : -k - 2;
    }
}
