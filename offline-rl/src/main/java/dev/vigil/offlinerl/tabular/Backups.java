package dev.vigil.offlinerl.tabular;

/** The one-step look-ahead shared by value iteration and policy evaluation. */
final class Backups {

    private Backups() {
    }

    /** R[s][a] + discount * sum over s' of P[s][a][s'] * next[s']. */
    static double actionValue(TabularMdp mdp, int s, int a, double[] next, double discount) {
        TransitionRow row = mdp.row(s, a);
        double q = 0;
        for (int i = 0; i < row.size(); i++) {
            q += row.probability(i) * (row.reward(i) + discount * next[row.nextState(i)]);
        }
        return q;
    }

    /** Sum over s of initial(s) * values[s]. */
    static double expectedReturn(TabularMdp mdp, double[] values) {
        double sum = 0;
        for (int s = 0; s < mdp.stateCount(); s++) {
            sum += mdp.initialProbability(s) * values[s];
        }
        return sum;
    }
}
