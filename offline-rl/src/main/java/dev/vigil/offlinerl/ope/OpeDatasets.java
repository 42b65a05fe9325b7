package dev.vigil.offlinerl.ope;

import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds an {@link OpeDataset} from a tabular {@link TrajectoryDataset} and two tabular policies. */
public final class OpeDatasets {

    private OpeDatasets() {
    }

    /**
     * @param behaviour pi_b, e.g. {@link BehaviourEstimate#policy()} or a known logging policy
     * @param evaluation pi_e
     * @param truncatedEpisodeIds episodes cut off rather than ended (e.g.
     *     {@link dev.vigil.offlinerl.tabular.SimulatedTrajectories#truncatedEpisodeIds()})
     * @throws IllegalArgumentException when the dataset is not tabular with rewards, the shapes disagree, or a
     *     logged action has behaviour probability 0 (soften the behaviour policy)
     */
    public static OpeDataset from(TrajectoryDataset data, TabularPolicy behaviour, TabularPolicy evaluation,
            Set<String> truncatedEpisodeIds) {
        if (!data.schema().stateType().isDiscrete() || !data.schema().actionType().isDiscrete()
                || !data.schema().hasRewards()) {
            throw new IllegalArgumentException("Dataset " + data.schema().name() + " needs discrete states and actions "
                    + "and rewards for tabular off-policy evaluation");
        }
        int states = data.schema().stateType().size();
        int actions = data.schema().actionType().size();
        requireShape("behaviour", behaviour, states, actions);
        requireShape("evaluation", evaluation, states, actions);
        List<LoggedEpisode> logged = new ArrayList<>();
        for (Episode e : data.episodes()) {
            int[] s = ((DiscreteStates) e.states()).ids();
            int[] a = ((DiscreteActions) e.actions()).ids();
            double[] b = new double[s.length];
            double[][] pe = new double[s.length][];
            for (int t = 0; t < s.length; t++) {
                b[t] = behaviour.probability(s[t], a[t]);
                pe[t] = evaluation.row(s[t]);
            }
            logged.add(new LoggedEpisode(e.id(), s, a, e.rewards(), b, pe, truncatedEpisodeIds.contains(e.id())));
        }
        return new OpeDataset(actions, states, logged);
    }

    private static void requireShape(String name, TabularPolicy policy, int states, int actions) {
        if (policy.stateCount() != states || policy.actionCount() != actions) {
            throw new IllegalArgumentException("The " + name + " policy has shape (" + policy.stateCount() + ", "
                    + policy.actionCount() + "); the dataset has " + states + " states and " + actions + " actions");
        }
    }
}
