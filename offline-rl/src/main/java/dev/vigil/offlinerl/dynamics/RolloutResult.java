package dev.vigil.offlinerl.dynamics;

/**
 * What a batch of guarded rollouts produced.
 *
 * @param returns {@code double[n]}: each episode's (discounted) return, penalties included
 * @param costs {@code double[n]}: each episode's (discounted) cost, OOD costs included
 * @param ood {@code boolean[n][horizon]}: true at the step the guardian flagged (at most one per episode)
 * @param frozen {@code boolean[n][horizon]}: true at the steps after a flagged one
 * @param lengths {@code int[n]}: steps taken before the horizon or a terminal transition ended the
 *     episode (frozen steps count: the episode lasts, frozen)
 * @param judgedSteps how many steps the guardian judged, over all episodes
 */
public record RolloutResult(double[] returns, double[] costs, boolean[][] ood, boolean[][] frozen, int[] lengths,
        int judgedSteps) {

    public RolloutResult {
        returns = returns.clone();
        costs = costs.clone();
        ood = copy(ood);
        frozen = copy(frozen);
        lengths = lengths.clone();
    }

    /** Flagged steps over judged steps; 0 when nothing was judged. */
    public double oodRate() {
        int flagged = 0;
        for (boolean[] episode : ood) {
            for (boolean flag : episode) {
                flagged += flag ? 1 : 0;
            }
        }
        return judgedSteps == 0 ? 0 : (double) flagged / judgedSteps;
    }

    /** Share of episodes with a flagged step. */
    public double oodEpisodeRate() {
        int hit = 0;
        for (boolean[] episode : ood) {
            for (boolean flag : episode) {
                if (flag) {
                    hit++;
                    break;
                }
            }
        }
        return ood.length == 0 ? 0 : (double) hit / ood.length;
    }

    /** Mean return over episodes. */
    public double meanReturn() {
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return returns.length == 0 ? 0 : sum / returns.length;
    }

    /** Mean cost over episodes. */
    public double meanCost() {
        double sum = 0;
        for (double c : costs) {
            sum += c;
        }
        return costs.length == 0 ? 0 : sum / costs.length;
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public double[] costs() {
        return costs.clone();
    }

    @Override
    public boolean[][] ood() {
        return copy(ood);
    }

    @Override
    public boolean[][] frozen() {
        return copy(frozen);
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    private static boolean[][] copy(boolean[][] flags) {
        boolean[][] out = new boolean[flags.length][];
        for (int i = 0; i < flags.length; i++) {
            out[i] = flags[i].clone();
        }
        return out;
    }
}
