package dev.vigil.offlinerl.ope;

/**
 * A model's action values at each logged step, e.g. a fitted Q function read at the episode's states; what
 * the doubly robust estimators need, whatever the states are.
 */
@FunctionalInterface
public interface StepActionValues {

    /**
     * @return Q-hat(s_t, .) of episode {@code episode} (index in the dataset) at step {@code step}, shape (A)
     */
    double[] at(int episode, int step);
}
