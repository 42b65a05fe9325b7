package dev.vigil.offlinerl.algo.continuous;

/**
 * One iteration's model rollouts, flattened step by step; episode {@code e} occupies rows
 * {@code start[e] .. start[e] + length[e] - 1}.
 *
 * @param states scaled states, {@code double[steps][s]}
 * @param actions the policy's draws before clipping (their log-probabilities are what the update uses)
 * @param rewards per step, OOD penalty included
 * @param costs per step, OOD cost included (guarded runs)
 * @param ood per step: whether the guardian judged the (state, clipped action) out of distribution
 * @param start first row of each episode
 * @param length steps of each episode
 * @param ended whether each episode ended (terminal model transition, or frozen by the guardian) rather than
 *     reaching the horizon: ended episodes bootstrap with 0
 * @param finalStates the state after each episode's last step, for the value bootstrap of truncated episodes
 */
public record RolloutBatch(double[][] states, double[][] actions, double[] rewards, double[] costs, boolean[] ood,
        int[] start, int[] length, boolean[] ended, double[][] finalStates) {

    public int episodes() {
        return start.length;
    }

    public int steps() {
        return rewards.length;
    }

    /** Mean undiscounted return per episode. */
    public double meanReturn() {
        return sum(rewards) / episodes();
    }

    /** Mean undiscounted cost per episode: what the budget bounds. */
    public double meanCost() {
        return sum(costs) / episodes();
    }

    /** OOD steps over steps taken (every step is judged). */
    public double oodRate() {
        int n = 0;
        for (boolean b : ood) {
            n += b ? 1 : 0;
        }
        return steps() == 0 ? 0 : (double) n / steps();
    }

    /** Share of episodes with at least one OOD step: the Lagrangian's second constraint. */
    public double oodEpisodeRate() {
        int hit = 0;
        for (int e = 0; e < episodes(); e++) {
            for (int t = start[e]; t < start[e] + length[e]; t++) {
                if (ood[t]) {
                    hit++;
                    break;
                }
            }
        }
        return (double) hit / episodes();
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
