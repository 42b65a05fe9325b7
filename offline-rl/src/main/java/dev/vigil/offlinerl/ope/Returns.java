package dev.vigil.offlinerl.ope;

/** Discounted returns of logged episodes. */
final class Returns {

    private Returns() {
    }

    /** {@code sum_t gamma^t r_t}. */
    static double discounted(LoggedEpisode e, double discount) {
        double g = 1;
        double sum = 0;
        for (int t = 0; t < e.steps(); t++) {
            sum += g * e.reward(t);
            g *= discount;
        }
        return sum;
    }
}
