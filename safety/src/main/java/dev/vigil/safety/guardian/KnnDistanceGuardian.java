package dev.vigil.safety.guardian;

import java.util.stream.IntStream;

/**
 * Out of distribution when the k-th nearest training point is far.
 *
 * <p>Score = {@code -distance} to the k-th nearest training point (negated so that higher means more in
 * distribution, as for every guardian). Threshold = the configured percentile of the training points'
 * leave-one-out scores (each point's k-th nearest <em>other</em> training point), so the point itself
 * does not make its own neighbourhood look dense. Searched with a {@link KdTree}, exactly or with a
 * leaf budget ({@link KnnConfig#maxLeaves()}).
 */
public final class KnnDistanceGuardian implements OodGuardian {

    private final KnnConfig config;
    private final KdTree tree;
    private final double threshold;

    private KnnDistanceGuardian(KnnConfig config, KdTree tree, double threshold) {
        this.config = config;
        this.tree = tree;
        this.threshold = threshold;
    }

    /**
     * Fits on scaled training points (leave-one-out scores computed in parallel on the common pool).
     *
     * @param training {@code double[n][d]} with n > k
     */
    public static KnnDistanceGuardian fit(double[][] training, KnnConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("KnnConfig is null; use KnnConfig.defaults()");
        }
        KdTree tree = KdTree.build(training);
        if (training.length <= config.k()) {
            throw new IllegalArgumentException("k-NN guardian with k=" + config.k() + " needs more than k training "
                    + "points, got " + training.length + "; add data or lower k");
        }
        double[] scores = IntStream.range(0, training.length).parallel()
                .mapToDouble(i -> -kthDistance(tree, training[i], config, i))
                .toArray();
        return new KnnDistanceGuardian(config, tree, Percentile.of(scores, config.thresholdPercentile()));
    }

    @Override
    public GuardVerdict judge(double[] point) {
        return GuardVerdict.of(-distance(point), threshold);
    }

    @Override
    public int dimension() {
        return tree.dimension();
    }

    /** Distance from {@code point}, {@code double[d]}, to its k-th nearest training point. */
    public double distance(double[] point) {
        Points.requirePoint(point, tree.dimension(), "Point");
        return kthDistance(tree, point, config, -1);
    }

    public double threshold() {
        return threshold;
    }

    public KnnConfig config() {
        return config;
    }

    private static double kthDistance(KdTree tree, double[] point, KnnConfig config, int exclude) {
        return Math.sqrt(tree.kthNearestSquaredDistance(point, config.k(), exclude, config.maxLeaves()));
    }
}
