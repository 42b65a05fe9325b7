package dev.vigil.offlinerl.algo.tabular;

/**
 * What a deterministic policy does in the guarded CMDP over H steps, undiscounted, from the data's initial
 * distribution: the constraints are per-episode sums, so they are judged exactly as the budget is defined.
 *
 * @param expectedReturn E[sum of reward] (OOD penalties included in penalty mode)
 * @param expectedCost E[sum of cost]
 * @param expectedOodSteps E[number of steps on OOD pairs or in the sink]
 * @param expectedSteps E[number of steps before the episode ends or H]
 */
record CmdpEvaluation(double expectedReturn, double expectedCost, double expectedOodSteps, double expectedSteps) {

    /** E[OOD steps] / E[steps]: the expected share of steps outside the support. */
    double oodShare() {
        return expectedSteps == 0 ? 0 : expectedOodSteps / expectedSteps;
    }

    /** Backward induction of the four sums at once over H stages. */
    static CmdpEvaluation of(GuardedCmdp m, int[] policy, int horizon) {
        int n = m.states + 2;
        double[][] v = new double[4][n];
        double[][] next = new double[4][n];
        for (int stage = 0; stage < horizon; stage++) {
            for (int k = 0; k < 4; k++) {
                java.util.Arrays.fill(next[k], 0);
            }
            // The sink loops on itself, one OOD step with the penalty each.
            next[0][m.sink] = m.sinkReward + v[0][m.sink];
            next[2][m.sink] = 1 + v[2][m.sink];
            next[3][m.sink] = 1 + v[3][m.sink];
            for (int s = 0; s < m.states; s++) {
                int a = policy[s];
                if (a < 0) {
                    continue;
                }
                double[] x = {m.reward[s][a], m.cost[s][a], m.ood[s][a] ? 1 : 0, 1};
                int[] to = m.next[s][a];
                double[] p = m.probability[s][a];
                for (int k = 0; k < 4; k++) {
                    double value = x[k];
                    for (int i = 0; i < to.length; i++) {
                        value += p[i] * v[k][to[i]];
                    }
                    next[k][s] = value;
                }
            }
            double[][] swap = v;
            v = next;
            next = swap;
        }
        double[] total = new double[4];
        for (int s = 0; s < m.states; s++) {
            if (m.initial[s] > 0) {
                for (int k = 0; k < 4; k++) {
                    total[k] += m.initial[s] * v[k][s];
                }
            }
        }
        return new CmdpEvaluation(total[0], total[1], total[2], total[3]);
    }
}
