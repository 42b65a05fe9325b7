package dev.vigil.offlinerl.algo.continuous;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws transition indices so that every logged action bin (the 5x5 dose bins for CCQL) is equally likely, not
 * every transition: clinicians mostly give no or small doses, and uniform minibatches would barely show the
 * critic the rare high-dose bins.
 *
 * <p>Transition {@code i} in bin {@code b} with {@code n_b} transitions gets weight {@code 1 / max(n_b, minBinCount)}
 * (normalised over all transitions). Bins with at least {@code minBinCount} transitions are therefore drawn equally
 * often; a rarer bin is drawn {@code n_b / minBinCount} times as often as those, so none of its transitions is
 * repeated more often than a transition of a bin of {@code minBinCount} (the cap: a bin of 2 transitions would
 * otherwise be replayed thousands of times per epoch and the critic would fit those 2 points).
 * Empty bins get nothing. Uniform resampling is the special case of every transition in one bin.
 */
final class ActionBalancedResampler {

    private final double[] cumulative;

    /**
     * @param binIds the bin of each transition, ids >= 0
     * @param minBinCount the cap, >= 1
     */
    ActionBalancedResampler(int[] binIds, int minBinCount) {
        if (binIds == null || binIds.length == 0) {
            throw new IllegalArgumentException("The resampler needs at least one transition");
        }
        if (minBinCount < 1) {
            throw new IllegalArgumentException("minBinCount must be at least 1; got " + minBinCount);
        }
        int bins = Arrays.stream(binIds).max().orElse(0) + 1;
        int[] counts = new int[bins];
        for (int id : binIds) {
            if (id < 0) {
                throw new IllegalArgumentException("Bin ids must be >= 0; got " + id);
            }
            counts[id]++;
        }
        cumulative = new double[binIds.length];
        double total = 0;
        for (int i = 0; i < binIds.length; i++) {
            total += 1.0 / Math.max(counts[binIds[i]], minBinCount);
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        cumulative[cumulative.length - 1] = 1;
    }

    /** Probability of drawing transition {@code i}. */
    double probability(int i) {
        return i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
    }

    /** One transition index. */
    int draw(SplittableRandom rng) {
        double u = rng.nextDouble();
        int at = Arrays.binarySearch(cumulative, u);
        // binarySearch gives -(insertion point) - 1 when absent: the first cumulative value above u.
        int i = at >= 0 ? at + 1 : -at - 1;
        return Math.min(i, cumulative.length - 1);
    }
}
