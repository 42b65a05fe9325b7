package dev.vigil.offlinerl.tabular;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Samples episodes from a {@link TabularMdp} under a {@link TabularPolicy}. Step t records the state, the
 * action and the reward of the transition it caused; an episode ends when it enters an absorbing state
 * (which is not recorded) or after {@code maxSteps} decisions.
 *
 * <p>Each episode draws from its own {@link SplittableRandom#split()} of the seed, in order, so episode k is
 * the same whatever the number of episodes after it.
 */
public final class TrajectorySimulator {

    private TrajectorySimulator() {
    }

    public static SimulatedTrajectories simulate(TabularMdp mdp, TabularPolicy policy, SimulationConfig config) {
        if (policy.stateCount() != mdp.stateCount() || policy.actionCount() != mdp.actionCount()) {
            throw new IllegalArgumentException("The policy has shape (" + policy.stateCount() + ", "
                    + policy.actionCount() + ") but the MDP has " + mdp.stateCount() + " states and "
                    + mdp.actionCount() + " actions");
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        double[] initial = mdp.initialDistribution();
        int width = Integer.toString(config.episodes()).length();
        List<Episode> episodes = new ArrayList<>(config.episodes());
        Set<String> truncated = new HashSet<>();
        for (int e = 0; e < config.episodes(); e++) {
            SplittableRandom rng = root.split();
            String id = "episode-" + String.format("%0" + width + "d", e);
            int[] states = new int[config.maxSteps()];
            int[] actions = new int[config.maxSteps()];
            double[] rewards = new double[config.maxSteps()];
            int s = Sampling.draw(initial, rng);
            int steps = 0;
            boolean ended = false;
            while (steps < config.maxSteps() && !ended) {
                int a = Sampling.draw(policy.row(s), rng);
                TransitionRow row = mdp.row(s, a);
                int i = Sampling.drawIndex(row, rng);
                states[steps] = s;
                actions[steps] = a;
                rewards[steps] = row.reward(i);
                steps++;
                s = row.nextState(i);
                ended = mdp.isAbsorbing(s);
            }
            if (!ended) {
                truncated.add(id);
            }
            episodes.add(new Episode(id, new DiscreteStates(java.util.Arrays.copyOf(states, steps)),
                    new DiscreteActions(java.util.Arrays.copyOf(actions, steps)), java.util.Arrays.copyOf(rewards, steps),
                    null, null, null, List.of()));
        }
        DatasetSchema schema = new DatasetSchema(config.datasetName(), SpaceType.discrete(mdp.stateCount()), List.of(),
                SpaceType.discrete(mdp.actionCount()), List.of(), true, false, "", "", Duration.ZERO);
        return new SimulatedTrajectories(new TrajectoryDataset(schema, episodes), truncated);
    }
}
