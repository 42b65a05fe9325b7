package dev.vigil.offlinerl.algo.continuous;

/**
 * What the model-based optimisers roll their policy through, on the [-1, 1] training scale: a model of the data (the
 * released 1-nearest-neighbour model, {@link NearestNeighbourEnvironment}, or a learned dynamics ensemble,
 * {@link EnsembleEnvironment}) or, in tests, a known toy MDP.
 */
public interface SimulatedEnvironment {

    int stateDimension();

    int actionDimension();

    /**
     * One step.
     *
     * @param previousState the state before {@code state} in this episode, or null at its first step
     * @param state {@code double[s]}, scaled
     * @param action {@code double[a]}, scaled and clipped to [-1, 1]
     */
    StepOutcome step(double[] previousState, double[] state, double[] action);

    /**
     * @param nextState {@code double[s]}, scaled
     * @param reward the step's reward
     * @param cost the step's safety cost, >= 0
     * @param terminal whether the episode ends at {@code nextState}
     * @param frozenReward when terminal: the reward of each step the fixed-length rollout would still have had (the
     *     episode stays frozen at its end, as OGSRL's 20-step rollouts); 0 when ending changes nothing (terminal
     *     outcome rewards)
     */
    record StepOutcome(double[] nextState, double reward, double cost, boolean terminal, double frozenReward) {

        /** A step whose end, if any, earns nothing more. */
        public StepOutcome(double[] nextState, double reward, double cost, boolean terminal) {
            this(nextState, reward, cost, terminal, 0);
        }
    }
}
