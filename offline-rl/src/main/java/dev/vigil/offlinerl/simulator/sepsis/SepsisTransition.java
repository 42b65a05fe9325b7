package dev.vigil.offlinerl.simulator.sepsis;

/**
 * The result of one step of the sampler.
 *
 * @param next the state reached (a death or discharge state when {@code terminal})
 * @param reward -1 death, +1 discharge, else 0
 * @param terminal whether the episode ends here (the reward is non-zero)
 */
public record SepsisTransition(SepsisState next, double reward, boolean terminal) {

    public SepsisTransition {
        if (next == null) {
            throw new IllegalArgumentException("A transition needs the state reached");
        }
    }
}
