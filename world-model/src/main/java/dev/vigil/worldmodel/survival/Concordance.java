package dev.vigil.worldmodel.survival;

/**
 * Concordance between risk scores (higher = earlier event expected) and right-censored times.
 *
 * <p>A pair (i, j) is comparable when i has an event and t_i &lt; t_j, or t_i = t_j and j is censored: as in R's
 * {@code survival::concordance}, a subject censored at an event time counts as having survived longer. Two
 * events at the same time are not comparable (counted as {@code tiedTime}); pairs with equal risk count one half.
 * Pairs are enumerated directly, O(n^2), which is fast enough for tens of thousands of subjects.
 */
public final class Concordance {

    private Concordance() {}

    /** Harrell's C. On lung with the Cox linear predictor this is R's 0.637135. */
    public static ConcordanceResult harrell(double[] times, int[] events, double[] risk) {
        check(times, events, risk);
        return count(times, events, risk, Double.POSITIVE_INFINITY, null);
    }

    /**
     * Uno's C (Uno et al. 2011, Stat Med 30:1105): each comparable pair whose earlier time t_i is below the
     * truncation time tau is weighted by 1 / G(t_i-)^2, where G is the Kaplan-Meier estimate of the censoring
     * survival function (censorings as events, events as censorings) of {@code censoringTimes}/{@code
     * censoringEvents}, usually the training data. Under independent censoring this estimates P(risk_i &gt; risk_j |
     * T_i &lt; T_j, T_i &lt; tau), free of the censoring distribution, which Harrell's C is not.
     */
    public static ConcordanceResult uno(double[] times, int[] events, double[] risk, double tau,
            double[] censoringTimes, int[] censoringEvents) {
        check(times, events, risk);
        SurvivalCurve censoring = KaplanMeier.censoringSurvival(censoringTimes, censoringEvents);
        return count(times, events, risk, tau, censoring);
    }

    /** Uno's C with the censoring distribution estimated from the same data. */
    public static ConcordanceResult uno(double[] times, int[] events, double[] risk, double tau) {
        return uno(times, events, risk, tau, times, events);
    }

    private static ConcordanceResult count(double[] times, int[] events, double[] risk, double tau,
            SurvivalCurve censoring) {
        int n = times.length;
        double concordant = 0;
        double discordant = 0;
        double tiedRisk = 0;
        double tiedTime = 0;
        for (int i = 0; i < n; i++) {
            if (events[i] != 1 || !(times[i] < tau)) {
                continue;
            }
            double weight = 1;
            if (censoring != null) {
                double g = censoring.before(times[i]);
                if (g <= 0) {
                    continue;
                }
                weight = 1 / (g * g);
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                boolean comparable = times[i] < times[j] || (times[i] == times[j] && events[j] == 0);
                if (!comparable) {
                    if (times[i] == times[j] && events[j] == 1 && j > i) {
                        tiedTime += weight;
                    }
                    continue;
                }
                if (risk[i] > risk[j]) {
                    concordant += weight;
                } else if (risk[i] < risk[j]) {
                    discordant += weight;
                } else {
                    tiedRisk += weight;
                }
            }
        }
        double total = concordant + discordant + tiedRisk;
        if (total == 0) {
            throw new IllegalArgumentException("no comparable pairs: the concordance index is undefined (no events"
                    + (Double.isFinite(tau) ? " before tau = " + tau : "") + ")");
        }
        return new ConcordanceResult((concordant + tiedRisk / 2) / total, concordant, discordant, tiedRisk, tiedTime);
    }

    private static void check(double[] times, int[] events, double[] risk) {
        if (times.length != events.length || times.length != risk.length) {
            throw new IllegalArgumentException(times.length + " times, " + events.length + " events and " + risk.length
                    + " risk scores: they must be equal");
        }
        for (int i = 0; i < risk.length; i++) {
            if (Double.isNaN(risk[i])) {
                throw new IllegalArgumentException("risk score " + i + " is NaN");
            }
        }
    }
}
