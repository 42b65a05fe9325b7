package dev.vigil.offlinerl.tabular;

/**
 * The exact value of a stationary stochastic policy: a linear solve of {@code (I - gamma P_pi) V = R_pi}
 * over the non-absorbing states when discounted with an infinite horizon, backward induction over the H
 * stages otherwise. This is the ground truth that off-policy estimates are checked against.
 */
public final class PolicyEvaluation {

    private PolicyEvaluation() {
    }

    /**
     * @throws IllegalArgumentException when the policy's shape does not match the MDP
     */
    public static PolicyValue evaluate(TabularMdp mdp, TabularPolicy policy) {
        if (policy.stateCount() != mdp.stateCount() || policy.actionCount() != mdp.actionCount()) {
            throw new IllegalArgumentException("The policy has shape (" + policy.stateCount() + ", "
                    + policy.actionCount() + ") but the MDP has " + mdp.stateCount() + " states and "
                    + mdp.actionCount() + " actions");
        }
        return mdp.objective().isFinite() ? backwardInduction(mdp, policy) : linearSolve(mdp, policy);
    }

    private static PolicyValue backwardInduction(TabularMdp mdp, TabularPolicy policy) {
        int horizon = mdp.objective().horizon();
        double discount = mdp.objective().discount();
        double[][][] q = new double[horizon][mdp.stateCount()][mdp.actionCount()];
        double[] next = new double[mdp.stateCount()];
        for (int stage = horizon - 1; stage >= 0; stage--) {
            double[] v = new double[mdp.stateCount()];
            for (int s = 0; s < mdp.stateCount(); s++) {
                if (mdp.isAbsorbing(s)) {
                    continue;
                }
                for (int a = 0; a < mdp.actionCount(); a++) {
                    q[stage][s][a] = Backups.actionValue(mdp, s, a, next, discount);
                    v[s] += policy.probability(s, a) * q[stage][s][a];
                }
            }
            next = v;
        }
        return new PolicyValue(next, q, Backups.expectedReturn(mdp, next));
    }

    private static PolicyValue linearSolve(TabularMdp mdp, TabularPolicy policy) {
        double discount = mdp.objective().discount();
        int states = mdp.stateCount();
        int[] index = new int[states];
        int n = 0;
        for (int s = 0; s < states; s++) {
            index[s] = mdp.isAbsorbing(s) ? -1 : n++;
        }
        // Rows: one equation V(s) - gamma * sum P_pi(s'|s) V(s') = R_pi(s) per non-absorbing state; absorbing
        // states are worth 0 and drop out.
        double[][] matrix = new double[n][n + 1];
        for (int s = 0; s < states; s++) {
            int row = index[s];
            if (row < 0) {
                continue;
            }
            matrix[row][row] += 1;
            for (int a = 0; a < mdp.actionCount(); a++) {
                double pa = policy.probability(s, a);
                if (pa == 0) {
                    continue;
                }
                TransitionRow t = mdp.row(s, a);
                for (int i = 0; i < t.size(); i++) {
                    matrix[row][n] += pa * t.probability(i) * t.reward(i);
                    int column = index[t.nextState(i)];
                    if (column >= 0) {
                        matrix[row][column] -= discount * pa * t.probability(i);
                    }
                }
            }
        }
        double[] solution = LinearSystems.solve(matrix);
        double[] v = new double[states];
        for (int s = 0; s < states; s++) {
            v[s] = index[s] < 0 ? 0 : solution[index[s]];
        }
        double[][][] q = new double[1][states][mdp.actionCount()];
        for (int s = 0; s < states; s++) {
            if (!mdp.isAbsorbing(s)) {
                for (int a = 0; a < mdp.actionCount(); a++) {
                    q[0][s][a] = Backups.actionValue(mdp, s, a, v, discount);
                }
            }
        }
        return new PolicyValue(v, q, Backups.expectedReturn(mdp, v));
    }
}
