package dev.vigil.offlinerl.dynamics;

import java.util.Arrays;

/**
 * One simulated step.
 *
 * @param nextState {@code double[s]}: the predicted next state, scaled like the model's inputs
 * @param terminal whether the model says the trajectory ends at {@code nextState} (for the nearest
 *     neighbour model: the returned row is the last logged step of its episode; the ensemble never ends
 *     an episode)
 */
public record Transition(double[] nextState, boolean terminal) {

    public Transition {
        if (nextState == null || nextState.length == 0) {
            throw new IllegalArgumentException("A transition needs a next state with at least one feature");
        }
        nextState = nextState.clone();
    }

    /** A copy of the next state, {@code double[s]}. */
    @Override
    public double[] nextState() {
        return nextState.clone();
    }

    @Override
    public String toString() {
        return "Transition[nextState=" + Arrays.toString(nextState) + ", terminal=" + terminal + "]";
    }
}
