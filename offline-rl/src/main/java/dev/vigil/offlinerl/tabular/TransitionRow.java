package dev.vigil.offlinerl.tabular;

import java.util.Arrays;

/**
 * Where one action taken in one state leads: the next states with positive probability, each with the
 * reward of that transition. Sparse because real models (e.g. the sepsis simulator, 1442 states) reach a
 * few dozen next states from each state.
 *
 * @param nextStates shape (k), strictly ascending state ids
 * @param probabilities shape (k), each in (0, 1], summing to 1 within {@link TabularMdp#TOLERANCE}
 * @param rewards shape (k), finite: the reward of moving to {@code nextStates[i]}
 */
public record TransitionRow(int[] nextStates, double[] probabilities, double[] rewards) {

    public TransitionRow {
        if (nextStates == null || probabilities == null || rewards == null) {
            throw new IllegalArgumentException("A transition row needs next states, probabilities and rewards");
        }
        if (nextStates.length != probabilities.length || nextStates.length != rewards.length) {
            throw new IllegalArgumentException("A transition row has " + nextStates.length + " next states, "
                    + probabilities.length + " probabilities and " + rewards.length + " rewards; give one of each per "
                    + "next state");
        }
        if (nextStates.length == 0) {
            throw new IllegalArgumentException("A transition row needs at least one next state");
        }
        nextStates = nextStates.clone();
        probabilities = probabilities.clone();
        rewards = rewards.clone();
        double sum = 0;
        for (int i = 0; i < nextStates.length; i++) {
            if (i > 0 && nextStates[i] <= nextStates[i - 1]) {
                throw new IllegalArgumentException("Next states of a transition row must be strictly ascending; "
                        + nextStates[i] + " follows " + nextStates[i - 1]);
            }
            if (!(probabilities[i] > 0 && probabilities[i] <= 1 + TabularMdp.TOLERANCE)) {
                throw new IllegalArgumentException("The probability of next state " + nextStates[i] + " is "
                        + probabilities[i] + "; leave out next states with probability 0, the others must be in (0, 1]");
            }
            if (!Double.isFinite(rewards[i])) {
                throw new IllegalArgumentException("The reward of next state " + nextStates[i] + " is not finite");
            }
            sum += probabilities[i];
        }
        if (Math.abs(sum - 1) > TabularMdp.TOLERANCE) {
            throw new IllegalArgumentException("Transition probabilities sum to " + sum + "; they must sum to 1 within "
                    + TabularMdp.TOLERANCE);
        }
    }

    /** A certain move to {@code next} with {@code reward}. */
    public static TransitionRow certain(int next, double reward) {
        return new TransitionRow(new int[] {next}, new double[] {1}, new double[] {reward});
    }

    /** Number of next states with positive probability. */
    public int size() {
        return nextStates.length;
    }

    /** The i-th next state. */
    public int nextState(int i) {
        return nextStates[i];
    }

    /** The probability of the i-th next state. */
    public double probability(int i) {
        return probabilities[i];
    }

    /** The reward of moving to the i-th next state. */
    public double reward(int i) {
        return rewards[i];
    }

    /** The probability of moving to {@code state}, 0 when it is not listed. */
    public double probabilityOf(int state) {
        int i = Arrays.binarySearch(nextStates, state);
        return i < 0 ? 0 : probabilities[i];
    }

    /** Sum over next states of probability times reward. */
    public double expectedReward() {
        double sum = 0;
        for (int i = 0; i < nextStates.length; i++) {
            sum += probabilities[i] * rewards[i];
        }
        return sum;
    }

    @Override
    public int[] nextStates() {
        return nextStates.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public double[] rewards() {
        return rewards.clone();
    }
}
