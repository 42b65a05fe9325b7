package dev.vigil.offlinerl.tabular;

/**
 * Optimal values and a deterministic optimal policy of a {@link TabularMdp} under its objective: value
 * iteration to a tolerance when discounted with an infinite horizon, backward induction over H stages
 * otherwise. Ties go to the lowest action id, so results do not depend on floating-point noise between
 * equal actions beyond 1e-12.
 */
public final class ValueIteration {

    /** Actions whose values differ by less than this are ties. */
    static final double TIE = 1e-12;

    private final ValueIterationConfig config;

    public ValueIteration(ValueIterationConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("Value iteration needs a config; use ValueIterationConfig.defaults()");
        }
        this.config = config;
    }

    /**
     * @throws IllegalStateException when a discounted problem has not converged within the configured sweeps
     */
    public OptimalSolution solve(TabularMdp mdp) {
        return mdp.objective().isFinite() ? backwardInduction(mdp) : iterate(mdp);
    }

    private OptimalSolution iterate(TabularMdp mdp) {
        double discount = mdp.objective().discount();
        int states = mdp.stateCount();
        double[] v = new double[states];
        double[] next = new double[states];
        int[] greedy = new int[states];
        for (int sweep = 1; sweep <= config.maxIterations(); sweep++) {
            double change = sweep(mdp, v, next, greedy, discount);
            double[] swap = v;
            v = next;
            next = swap;
            if (change < config.tolerance()) {
                sweep(mdp, v, next, greedy, discount);
                return new OptimalSolution(new double[][] {v}, new int[][] {greedy}, Backups.expectedReturn(mdp, v),
                        sweep);
            }
        }
        throw new IllegalStateException("Value iteration did not converge to " + config.tolerance() + " within "
                + config.maxIterations() + " sweeps; raise maxIterations or the tolerance");
    }

    private OptimalSolution backwardInduction(TabularMdp mdp) {
        int horizon = mdp.objective().horizon();
        double discount = mdp.objective().discount();
        double[][] values = new double[horizon + 1][mdp.stateCount()];
        int[][] actions = new int[horizon][mdp.stateCount()];
        for (int stage = horizon - 1; stage >= 0; stage--) {
            sweep(mdp, values[stage + 1], values[stage], actions[stage], discount);
        }
        double[][] decisionValues = java.util.Arrays.copyOf(values, horizon);
        return new OptimalSolution(decisionValues, actions, Backups.expectedReturn(mdp, values[0]), horizon);
    }

    /** Writes the Bellman optimality backup of {@code v} into {@code out}; returns the largest change. */
    private static double sweep(TabularMdp mdp, double[] v, double[] out, int[] greedy, double discount) {
        double change = 0;
        for (int s = 0; s < mdp.stateCount(); s++) {
            if (mdp.isAbsorbing(s)) {
                out[s] = 0;
                greedy[s] = 0;
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            int bestAction = 0;
            for (int a = 0; a < mdp.actionCount(); a++) {
                double q = Backups.actionValue(mdp, s, a, v, discount);
                if (q > best + TIE) {
                    best = q;
                    bestAction = a;
                }
            }
            out[s] = best;
            greedy[s] = bestAction;
            change = Math.max(change, Math.abs(best - v[s]));
        }
        return change;
    }
}
