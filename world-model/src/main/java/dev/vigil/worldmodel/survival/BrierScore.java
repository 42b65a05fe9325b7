package dev.vigil.worldmodel.survival;

/**
 * The Brier score of predicted survival probabilities under right censoring with inverse probability of
 * censoring weights (Graf, Schmoor, Sauerbrei and Schumacher 1999, Stat Med 18:2529):
 *
 * <pre>
 *   BS(t) = 1/n sum_i [ S(t|x_i)^2 1{T_i &lt;= t, event_i} / G(T_i-)  +  (1 - S(t|x_i))^2 1{T_i &gt; t} / G(t) ]
 * </pre>
 *
 * where G is the Kaplan-Meier estimate of the censoring survival function ({@link
 * KaplanMeier#censoringSurvival}), usually from the training data. Subjects censored at or before t contribute 0
 * but stay in n. The integrated score is the trapezoid rule over a time grid divided by the grid's span, as
 * scikit-survival does.
 */
public final class BrierScore {

    private BrierScore() {}

    /**
     * BS(t).
     *
     * @param survivalAtT predicted S(t|x_i), one per subject
     * @param censoring G, e.g. {@code KaplanMeier.censoringSurvival(trainTimes, trainEvents)}
     */
    public static double at(double[] times, int[] events, double[] survivalAtT, double t, SurvivalCurve censoring) {
        if (times.length != events.length || times.length != survivalAtT.length || times.length == 0) {
            throw new IllegalArgumentException(times.length + " times, " + events.length + " events, "
                    + survivalAtT.length + " predictions: need equal non-zero lengths");
        }
        double sum = 0;
        double gAtT = censoring.at(t);
        for (int i = 0; i < times.length; i++) {
            double s = survivalAtT[i];
            if (times[i] <= t && events[i] == 1) {
                double g = censoring.before(times[i]);
                if (g > 0) {
                    sum += s * s / g;
                }
            } else if (times[i] > t) {
                if (gAtT <= 0) {
                    throw new IllegalArgumentException("the censoring survival G(" + t + ") is 0: "
                            + "the Brier score at t = "
                            + t + " is undefined; choose an earlier time");
                }
                sum += (1 - s) * (1 - s) / gAtT;
            }
        }
        return sum / times.length;
    }

    /**
     * Integrated Brier score over {@code grid} (at least two increasing times).
     *
     * @param survival predicted S(grid[k] | x_i), shape (n, grid.length)
     */
    public static double integrated(double[] times, int[] events, double[][] survival, double[] grid,
            SurvivalCurve censoring) {
        if (grid.length < 2) {
            throw new IllegalArgumentException("the integrated Brier score needs at least two grid times");
        }
        double[] scores = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            if (k > 0 && !(grid[k] > grid[k - 1])) {
                throw new IllegalArgumentException("grid times must increase: grid[" + k + "] = " + grid[k]);
            }
            double[] column = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                if (survival[i].length != grid.length) {
                    throw new IllegalArgumentException("predictions of subject " + i + " have " + survival[i].length
                            + " values for " + grid.length + " grid times");
                }
                column[i] = survival[i][k];
            }
            scores[k] = at(times, events, column, grid[k], censoring);
        }
        double area = 0;
        for (int k = 1; k < grid.length; k++) {
            area += (scores[k] + scores[k - 1]) / 2 * (grid[k] - grid[k - 1]);
        }
        return area / (grid[grid.length - 1] - grid[0]);
    }
}
