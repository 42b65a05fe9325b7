package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.DatasetRequirements;
import dev.vigil.offlinerl.tabular.TabularMdp;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import dev.vigil.offlinerl.tabular.TransitionRow;
import java.util.function.IntUnaryOperator;

/**
 * The data's support and how much of a policy's behaviour stays inside it, measured exactly: the share of a
 * policy's expected (state, action) visits, under the true dynamics, that fall on pairs the data logged at
 * least a threshold number of times (OGSRL's support threshold).
 */
public final class DataSupport {

    private DataSupport() {
    }

    /** n(s, a), shape (S, A), of a tabular dataset. */
    public static int[][] counts(TrajectoryDataset data) {
        DatasetRequirements.requireTabular(data, "support counting", false, false);
        int[][] counts = TabularTransitions.of(data, 0).counts;
        int[][] copy = new int[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            copy[s] = counts[s].clone();
        }
        return copy;
    }

    /**
     * Expected visits of each (s, a) in the first {@code horizon} decisions of an episode (the occupancy measure,
     * undiscounted), by forward propagation of the state distribution through the MDP; absorbing states are not
     * visits.
     *
     * @return shape (S, A)
     */
    public static double[][] occupancy(TabularMdp mdp, TabularPolicy policy, int horizon) {
        int states = mdp.stateCount();
        double[][] visits = new double[states][mdp.actionCount()];
        double[] d = mdp.initialDistribution();
        for (int t = 0; t < horizon; t++) {
            double[] next = new double[states];
            for (int s = 0; s < states; s++) {
                if (d[s] == 0 || mdp.isAbsorbing(s)) {
                    continue;
                }
                for (int a = 0; a < mdp.actionCount(); a++) {
                    double mass = d[s] * policy.probability(s, a);
                    if (mass == 0) {
                        continue;
                    }
                    visits[s][a] += mass;
                    TransitionRow row = mdp.row(s, a);
                    for (int i = 0; i < row.size(); i++) {
                        next[row.nextState(i)] += mass * row.probability(i);
                    }
                }
            }
            d = next;
        }
        return visits;
    }

    /**
     * The share of the occupancy on pairs in support.
     *
     * @param observe maps an MDP state to the dataset's state id (e.g. hiding a confounder), or -1 for states
     *     the data cannot contain
     */
    public static double inSupportShare(double[][] occupancy, IntUnaryOperator observe, int[][] counts, double threshold) {
        double inside = 0;
        double total = 0;
        for (int s = 0; s < occupancy.length; s++) {
            int o = observe.applyAsInt(s);
            for (int a = 0; a < occupancy[s].length; a++) {
                total += occupancy[s][a];
                if (o >= 0 && counts[o][a] >= threshold) {
                    inside += occupancy[s][a];
                }
            }
        }
        return total == 0 ? 1 : inside / total;
    }
}
