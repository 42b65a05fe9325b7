package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.dynamics.EnvironmentModel;
import dev.vigil.offlinerl.dynamics.RewardFunction;
import dev.vigil.offlinerl.dynamics.Transition;
import dev.vigil.safety.cost.CostModel;

/**
 * A simulated environment on a learned dynamics model (the probabilistic ensemble,
 * {@link dev.vigil.offlinerl.dynamics.GaussianEnsembleModel}): unlike the 1-nearest-neighbour model it can predict
 * states that were never logged, so the guardian judges the states a policy's doses would lead to, not only logged
 * ones.
 *
 * <p>A step feeds the model the previous and current state (a model with history k > 1 repeats the oldest when fewer
 * are known), clips the predicted next state to {@code [-STATE_LIMIT, STATE_LIMIT]} on the [-1, 1] training scale, and
 * earns the caller's reward of (state, action, next state), computed on what the model predicted (OGSRL's SOFA
 * reward reads the next state). The episode never ends inside the model: rollouts run their full horizon. Its cost is
 * the rule set's cost of the simulated (previous state, state, action) in dataset units, as in
 * {@link NearestNeighbourEnvironment}, or 0 without a cost model.
 */
public final class EnsembleEnvironment implements SimulatedEnvironment {

    /**
     * Bound on every predicted feature on the training scale (the logged range is [-1, 1]). Half a range beyond the
     * data is far enough for the guardian to flag it and keeps a compounding model error from running away over a
     * 20-step rollout.
     */
    public static final double STATE_LIMIT = 1.5;

    private final EnvironmentModel model;
    private final RewardFunction reward;
    private final ModelStepCost cost;

    /**
     * @param model predicts the next scaled state
     * @param reward the reward of a scaled (state, action, predicted next state)
     * @param costModel computes costs in dataset units, or null for none
     * @param scaling maps scaled states and actions back to dataset units for the cost model
     */
    public EnsembleEnvironment(EnvironmentModel model, RewardFunction reward, CostModel costModel,
            PolicyScaling scaling) {
        if (model == null || reward == null || scaling == null) {
            throw new IllegalArgumentException("An ensemble environment needs a model, a reward function and a "
                    + "scaling");
        }
        this.model = model;
        this.reward = reward;
        this.cost = new ModelStepCost(costModel, scaling);
    }

    @Override
    public int stateDimension() {
        return model.stateDimension();
    }

    @Override
    public int actionDimension() {
        return model.actionDimension();
    }

    @Override
    public StepOutcome step(double[] previousState, double[] state, double[] action) {
        double[][] history = previousState == null ? new double[][] {state} : new double[][] {previousState, state};
        Transition transition = model.step(history, action);
        double[] next = transition.nextState();
        for (int j = 0; j < next.length; j++) {
            next[j] = Math.max(-STATE_LIMIT, Math.min(STATE_LIMIT, next[j]));
        }
        return new StepOutcome(next, reward.reward(state, action, next), cost.of(previousState, state, action), false);
    }
}
