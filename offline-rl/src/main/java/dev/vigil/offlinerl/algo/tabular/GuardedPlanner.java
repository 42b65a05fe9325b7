package dev.vigil.offlinerl.algo.tabular;

/**
 * Value iteration on the guarded CMDP for the Lagrangian reward
 * {@code reward(s, a) - lambdaCost * cost(s, a) - lambdaOod * ood(s, a)}, maximising only over each state's
 * allowed actions. Discounted and stationary: the deployed policy is a table of one action per state.
 */
final class GuardedPlanner {

    private static final double TOLERANCE = 1e-9;
    private static final int MAX_SWEEPS = 200_000;
    /** Actions whose values differ by less than this are ties, won by the lowest id. */
    private static final double TIE = 1e-12;

    private final GuardedCmdp m;
    private final double discount;
    /** Warm start: successive multipliers give close values, so each solve starts from the last one's. */
    private double[] warm;

    GuardedPlanner(GuardedCmdp cmdp, double discount) {
        this.m = cmdp;
        this.discount = discount;
        this.warm = new double[cmdp.states + 2];
    }

    /** One action per state, -1 for states never logged. */
    int[] solve(double lambdaCost, double lambdaOod) {
        double[] v = warm.clone();
        int[] greedy = new int[m.states];
        // The sink freezes the episode: its value solves v = x + gamma v.
        v[m.sink] = (m.sinkReward - lambdaOod) / (1 - discount);
        v[m.terminal] = 0;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            for (int s = 0; s < m.states; s++) {
                int[] allowed = m.allowed[s];
                if (allowed.length == 0) {
                    greedy[s] = -1;
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a : allowed) {
                    double q = m.reward[s][a] - lambdaCost * m.cost[s][a] - (m.ood[s][a] ? lambdaOod : 0);
                    int[] next = m.next[s][a];
                    double[] p = m.probability[s][a];
                    for (int i = 0; i < next.length; i++) {
                        q += discount * p[i] * v[next[i]];
                    }
                    if (q > best + TIE) {
                        best = q;
                        greedy[s] = a;
                    }
                }
                change = Math.max(change, Math.abs(best - v[s]));
                v[s] = best;
            }
            if (change < TOLERANCE) {
                warm = v;
                return greedy;
            }
        }
        throw new IllegalStateException("Guarded value iteration did not converge within " + MAX_SWEEPS + " sweeps; "
                + "lower the discount (e.g. 0.99)");
    }
}
