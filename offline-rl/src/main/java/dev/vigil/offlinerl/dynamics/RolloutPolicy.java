package dev.vigil.offlinerl.dynamics;

/** The policy a {@link GuardedRollout} follows: a scaled state in, a scaled action out. */
@FunctionalInterface
public interface RolloutPolicy {

    /**
     * @param scaledState {@code double[s]}
     * @return {@code double[a]}, scaled like the model's actions
     */
    double[] act(double[] scaledState);
}
