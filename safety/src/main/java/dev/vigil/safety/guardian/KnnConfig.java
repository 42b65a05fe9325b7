package dev.vigil.safety.guardian;

/**
 * Configuration of the {@link KnnDistanceGuardian}.
 *
 * @param k which nearest training point's distance is the score (default 10)
 * @param thresholdPercentile percentile of the training points' leave-one-out scores (negated k-th
 *     neighbour distances) below which a point is out of distribution (default 5)
 * @param maxLeaves 0 for the exact KD-tree search; otherwise the search scans at most this many
 *     leaves, nearest box first (best-bin-first), and may return a too-large distance (see docs/guardians.md for the
 *     measured error and verdict agreement)
 */
public record KnnConfig(int k, double thresholdPercentile, int maxLeaves) {

    public static final int DEFAULT_K = 10;

    /** Default leaf budget of the fast approximate search. */
    public static final int DEFAULT_MAX_LEAVES = 32;

    public KnnConfig {
        if (k < 1) {
            throw new IllegalArgumentException("k-NN guardian k must be at least 1 (default 10), got " + k);
        }
        Percentile.requirePercent(thresholdPercentile, "k-NN thresholdPercentile");
        if (maxLeaves < 0) {
            throw new IllegalArgumentException("k-NN maxLeaves must be 0 (exact) or a positive leaf budget "
                    + "(default " + DEFAULT_MAX_LEAVES + "), got " + maxLeaves);
        }
    }

    /** k = 10, 5th percentile, fast approximate search. */
    public static KnnConfig defaults() {
        return new KnnConfig(DEFAULT_K, 5, DEFAULT_MAX_LEAVES);
    }

    /** k = 10, 5th percentile, exact search. */
    public static KnnConfig exact() {
        return new KnnConfig(DEFAULT_K, 5, 0);
    }
}
