package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.dynamics.NearestNeighbourModel;
import dev.vigil.offlinerl.dynamics.ScaledEpisode;
import dev.vigil.safety.cost.CostModel;
import java.util.List;

/**
 * OGSRL's simulated environment: the 1-nearest-neighbour model over the training (state, action) pairs
 * ({@link NearestNeighbourModel}, searched through a {@link KdNearestNeighbour} over the same keys: same answers,
 * ties included). A step matched to logged step t of episode e moves to that episode's state t+1,
 * ends the episode when t+1 is its last step, and earns the logged reward of step t plus, when the episode ends
 * there, the reward of its last step (so terminal outcome rewards are earned on reaching a logged end) and names the
 * per-step reward of the frozen remainder ({@link StepOutcome#frozenReward}), so that reaching a logged end early is
 * no escape from per-step rewards. Its cost is the rule set's cost of the simulated (previous state, state, action) in dataset
 * units when a cost model is given, else the logged cost of the matched step (0 when the data has none).
 */
public final class NearestNeighbourEnvironment implements SimulatedEnvironment {

    private final NearestNeighbourModel model;
    private final List<ScaledEpisode> episodes;
    private final List<double[]> rewards;
    private final double[] frozenRewards;
    private final List<double[]> loggedCosts;
    private final ModelStepCost cost;
    private final KdNearestNeighbour index;

    /**
     * @param episodes the scaled training episodes the model was fitted on
     * @param rewards per episode, the rewards of each step
     * @param frozenRewards per episode, the reward of each rollout step left when a rollout ends at its last step
     *     (see {@link SimulatedEnvironment.StepOutcome#frozenReward}), or null for 0
     * @param loggedCosts per episode, each step's cost, or null (used only without a cost model)
     * @param costModel computes costs in dataset units, or null
     * @param scaling maps scaled states and actions back to dataset units for the cost model
     */
    public NearestNeighbourEnvironment(NearestNeighbourModel model, List<ScaledEpisode> episodes,
            List<double[]> rewards, double[] frozenRewards, List<double[]> loggedCosts, CostModel costModel,
            PolicyScaling scaling) {
        this.model = model;
        this.episodes = episodes;
        this.rewards = rewards;
        this.frozenRewards = frozenRewards;
        this.loggedCosts = loggedCosts;
        this.cost = new ModelStepCost(costModel, scaling);
        double[][] keys = new double[model.keyCount()][];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = model.key(k);
        }
        this.index = new KdNearestNeighbour(keys);
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
        int key = index.nearest(state, action);
        NearestNeighbourModel.KeyRow row = model.keyRow(key);
        ScaledEpisode episode = episodes.get(row.episodeIndex());
        int t = row.step();
        boolean terminal = t + 2 == episode.steps();
        double[] r = rewards.get(row.episodeIndex());
        double reward = r[t] + (terminal ? r[t + 1] : 0);
        double c = cost.present() ? cost.of(previousState, state, action)
                : loggedCosts == null ? 0 : loggedCosts.get(row.episodeIndex())[t];
        double frozen = terminal && frozenRewards != null ? frozenRewards[row.episodeIndex()] : 0;
        return new StepOutcome(episode.state(t + 1), reward, c, terminal, frozen);
    }
}
