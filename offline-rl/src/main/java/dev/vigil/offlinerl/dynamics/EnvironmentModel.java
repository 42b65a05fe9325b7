package dev.vigil.offlinerl.dynamics;

/**
 * Simulated dynamics in scaled space: given recent states and an action, the next state.
 *
 * <p>States and actions are scaled with the training {@link dev.vigil.safety.guardian.MinMaxScaler}
 * (see {@link DynamicsData}), so the same points can be handed to an OOD guardian.
 */
public interface EnvironmentModel {

    /**
     * Simulates one step.
     *
     * @param history {@code double[h][s]}, h >= 1, oldest first, the current state last; a model uses
     *     its last {@link #historyLength()} rows and, when fewer are given, repeats the oldest one (as at
     *     the start of an episode)
     * @param action {@code double[a]}, scaled
     * @return the next state and whether the model ends the trajectory there
     * @throws IllegalArgumentException if the shapes do not match the model's dimensions
     */
    Transition step(double[][] history, double[] action);

    /** How many recent states the model reads: 1 for a Markov model. */
    int historyLength();

    /** The state dimension {@code s}. */
    int stateDimension();

    /** The action dimension {@code a}. */
    int actionDimension();
}
