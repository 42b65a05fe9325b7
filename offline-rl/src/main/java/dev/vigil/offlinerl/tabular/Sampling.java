package dev.vigil.offlinerl.tabular;

import java.util.SplittableRandom;

/** Inverse-CDF draws; rounding that leaves the cumulative sum just below 1 falls to the last positive entry. */
final class Sampling {

    private Sampling() {
    }

    static int draw(double[] probabilities, SplittableRandom rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] > 0) {
                cumulative += probabilities[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    static int drawIndex(TransitionRow row, SplittableRandom rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < row.size(); i++) {
            cumulative += row.probability(i);
            if (u < cumulative) {
                return i;
            }
        }
        return row.size() - 1;
    }
}
