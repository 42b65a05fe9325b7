package dev.vigil.offlinerl.simulator.sepsis;

/**
 * The source of randomness of the dynamics. The sampler answers with uniform draws; the enumerator that
 * builds the exact MDP answers every way in turn. Writing the dynamics once against this interface is what
 * makes the exact MDP and the sampler agree by construction.
 */
interface Chance {

    /**
     * Draws an outcome: i with probability {@code probabilities[i]}, and {@code probabilities.length} with
     * the remaining probability. A uniform u picks the first i whose cumulative probability exceeds u, as the
     * reference code's {@code u < 0.1 -> down, u < 0.2 -> up} does.
     */
    int draw(double... probabilities);

    /** True with probability p. */
    default boolean happens(double p) {
        return draw(p) == 0;
    }
}
