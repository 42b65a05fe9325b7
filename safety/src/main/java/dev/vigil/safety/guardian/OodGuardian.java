package dev.vigil.safety.guardian;

/**
 * Decides whether a scaled (state, action) point lies in the support of the training data.
 *
 * <p>Orientation: higher scores are more in distribution; in support means {@code score >= threshold}.
 * Implementations are immutable after fitting and safe to call from several threads.
 */
public interface OodGuardian {

    /**
     * Judges one point.
     *
     * @param point {@code double[d]}: the (state, action) concatenation scaled with the training
     *     {@link MinMaxScaler}
     */
    GuardVerdict judge(double[] point);

    /** The dimension {@code d} of the points this guardian judges. */
    int dimension();

    /**
     * Judges a window of recent history. OGSRL's claim is that whole trajectories stay in support, so
     * the window is in support only if every point is; the score is the minimum (the worst point), and
     * the threshold is the guardian's.
     *
     * @param recentPoints {@code double[w][d]}, w >= 1, oldest first (order does not change the result)
     */
    default GuardVerdict judgeWindow(double[][] recentPoints) {
        if (recentPoints == null || recentPoints.length == 0) {
            throw new IllegalArgumentException(
                    "judgeWindow needs at least one point; pass the current step as a window of one");
        }
        GuardVerdict worst = null;
        for (double[] point : recentPoints) {
            GuardVerdict verdict = judge(point);
            if (worst == null || verdict.score() < worst.score()) {
                worst = verdict;
            }
        }
        return worst;
    }
}
