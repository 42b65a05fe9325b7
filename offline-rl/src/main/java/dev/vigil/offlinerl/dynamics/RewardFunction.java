package dev.vigil.offlinerl.dynamics;

/** The reward of a simulated step, supplied by the caller so the clinical rules stay out of this package. */
@FunctionalInterface
public interface RewardFunction {

    /**
     * @param state {@code double[s]}, scaled
     * @param action {@code double[a]}, scaled
     * @param nextState {@code double[s]}, scaled, as the model predicted it
     */
    double reward(double[] state, double[] action, double[] nextState);
}
