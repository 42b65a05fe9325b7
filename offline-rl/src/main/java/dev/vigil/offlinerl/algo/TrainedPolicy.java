package dev.vigil.offlinerl.algo;

import java.util.SplittableRandom;

/**
 * A learned policy over discrete states and actions, with where it came from and what fitting it found.
 */
public interface TrainedPolicy {

    /** Number of state ids the policy answers for (ids {@code 0..stateCount-1}). */
    int stateCount();

    /** Number of actions (ids {@code 0..actionCount-1}). */
    int actionCount();

    /**
     * pi(. | state), shape (A): non-negative, summing to 1. A copy.
     *
     * @throws IllegalArgumentException when the state id is out of range
     */
    double[] actionProbabilities(int state);

    /** Draws an action from {@link #actionProbabilities(int)} with the caller's generator. */
    default int act(int state, SplittableRandom rng) {
        double[] p = actionProbabilities(state);
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int a = 0; a < p.length; a++) {
            cumulative += p[a];
            if (u < cumulative) {
                return a;
            }
        }
        // Rounding can leave the cumulative sum a hair below 1: fall back to the last action with mass.
        for (int a = p.length - 1; a >= 0; a--) {
            if (p[a] > 0) {
                return a;
            }
        }
        return p.length - 1;
    }

    /** Algorithm, config, data, rule set and code the policy came from. */
    PolicyProvenance provenance();

    /** Summary figures and the states that got a fallback rather than a learned answer. */
    FitReport report();
}
