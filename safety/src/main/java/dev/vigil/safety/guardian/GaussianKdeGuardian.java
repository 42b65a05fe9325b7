package dev.vigil.safety.guardian;

import java.util.stream.IntStream;

/**
 * OGSRL's guardian: a Gaussian kernel density over the scaled (state, action) points, out of
 * distribution below a percentile of the training points' own densities.
 *
 * <p>Score = {@code (1/n) sum_i exp(-|x - x_i|^2 / (2 sigma^2))}, in [0, 1]. The Gaussian's
 * normalising constant {@code (2 pi sigma^2)^(-d/2)} is left out: it is the same for every point, so
 * it changes neither the percentile threshold nor any verdict, and without it the score's absolute
 * error bound reads directly. Higher = more in distribution.
 *
 * <p>Evaluated through a {@link KdTree} ({@link KdeIndex}): only reference points within the cut-off
 * radius of {@link KdeConfig#kernelCutoff()} are summed; every dropped term is below
 * {@code kernelCutoff}, so with {@code cellSize = 0} {@code exact - kernelCutoff <= score <= exact}.
 * With {@code cellSize > 0} cells are approximated by their moments (no hard bound; measured error and
 * verdict agreement in docs/guardians.md). The threshold is always computed with the same evaluation
 * as the queries, so approximation bias shifts both alike.
 */
public final class GaussianKdeGuardian implements OodGuardian {

    private final KdeConfig config;
    private final KdTree tree;
    private final KdeIndex index;
    private final double threshold;

    private GaussianKdeGuardian(KdeConfig config, KdTree tree, KdeIndex index, double threshold) {
        this.config = config;
        this.tree = tree;
        this.index = index;
        this.threshold = threshold;
    }

    /**
     * Fits on scaled training points and sets the threshold at the configured percentile of their own
     * densities (computed in parallel on the common pool).
     *
     * @param training {@code double[n][d]}, scaled with the training {@link MinMaxScaler}; n >= 2 if
     *     leave-one-out
     */
    public static GaussianKdeGuardian fit(double[][] training, KdeConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("KdeConfig is null; use KdeConfig.ogsrl() for the paper's settings");
        }
        KdTree tree = KdTree.build(training);
        if (config.leaveOneOut() && training.length < 2) {
            throw new IllegalArgumentException(
                    "Leave-one-out KDE needs at least 2 training points; add data or set leaveOneOut=false");
        }
        KdeIndex index = new KdeIndex(tree, config.sigma(), config.cutoffRadiusSquared(), config.cellSize());
        int n = training.length;
        double[] own = IntStream.range(0, n).parallel().mapToDouble(i -> {
            double sum = index.kernelSum(training[i]);
            // The point's own kernel term is exp(0) = 1 (exactly so only without cells).
            return config.leaveOneOut() ? (sum - 1) / (n - 1) : sum / n;
        }).toArray();
        return new GaussianKdeGuardian(config, tree, index, Percentile.of(own, config.thresholdPercentile()));
    }

    @Override
    public GuardVerdict judge(double[] point) {
        return GuardVerdict.of(density(point), threshold);
    }

    @Override
    public int dimension() {
        return tree.dimension();
    }

    /**
     * The mean kernel value at {@code point}, {@code double[d]}: within {@code config.kernelCutoff()}
     * below the exact one when {@code cellSize = 0}, approximated by cell moments otherwise.
     */
    public double density(double[] point) {
        Points.requirePoint(point, tree.dimension(), "Point");
        return kernelSum(point) / tree.size();
    }

    public double threshold() {
        return threshold;
    }

    public KdeConfig config() {
        return config;
    }

    /**
     * The exact mean kernel value by brute force over every reference point: the baseline for tests
     * and the benchmark.
     */
    public double exactDensity(double[] point) {
        Points.requirePoint(point, tree.dimension(), "Point");
        double invTwoSigmaSquared = 1 / (2 * config.sigma() * config.sigma());
        return tree.gaussianSumWithin(point, Double.POSITIVE_INFINITY, invTwoSigmaSquared) / tree.size();
    }

    private double kernelSum(double[] point) {
        return index.kernelSum(point);
    }
}
