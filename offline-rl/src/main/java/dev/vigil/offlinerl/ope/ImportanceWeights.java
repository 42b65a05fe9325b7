package dev.vigil.offlinerl.ope;

/**
 * Cumulative importance weights {@code w[i][t] = prod over k <= t of pi_e(a_k|s_k) / pi_b(a_k|s_k)}, padded
 * to the longest episode: an episode that has ended sits in an absorbing state where both policies agree, so
 * its weight stays at its trajectory weight W_i and its rewards are 0. The self-normalised per-decision
 * estimators rely on that padding (without it, ended episodes would drop out of later normalisers).
 */
final class ImportanceWeights {

    private final double[][] cumulative;

    private ImportanceWeights(double[][] cumulative) {
        this.cumulative = cumulative;
    }

    static ImportanceWeights of(OpeDataset data) {
        int horizon = data.maxSteps();
        double[][] w = new double[data.size()][horizon];
        for (int i = 0; i < data.size(); i++) {
            LoggedEpisode e = data.episodes().get(i);
            double product = 1;
            for (int t = 0; t < horizon; t++) {
                if (t < e.steps()) {
                    product *= e.ratio(t);
                }
                w[i][t] = product;
            }
        }
        return new ImportanceWeights(w);
    }

    /** w[i][t]; w[i][-1] = 1. */
    double at(int episode, int t) {
        return t < 0 ? 1 : cumulative[episode][t];
    }

    /** W_i, the weight of the whole trajectory. */
    double trajectory(int episode) {
        double[] w = cumulative[episode];
        return w[w.length - 1];
    }

    int horizon() {
        return cumulative[0].length;
    }

    /** Kish's effective sample size of the trajectory weights; 0 when all are 0. */
    double effectiveSampleSize() {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < cumulative.length; i++) {
            double w = trajectory(i);
            sum += w;
            squares += w * w;
        }
        return squares == 0 ? 0 : sum * sum / squares;
    }

    /** Share of episodes with a non-zero trajectory weight. */
    double validShare() {
        int valid = 0;
        for (int i = 0; i < cumulative.length; i++) {
            valid += trajectory(i) > 0 ? 1 : 0;
        }
        return (double) valid / cumulative.length;
    }
}
