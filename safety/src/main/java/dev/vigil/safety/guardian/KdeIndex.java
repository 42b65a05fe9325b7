package dev.vigil.safety.guardian;

/**
 * Evaluates Gaussian kernel sums over a {@link KdTree}: exactly (up to a cut-off radius), or by
 * per-cell moments when a cell size is set.
 *
 * <p>Why an approximation: with sigma 0.535 on [-1, 1]^15 the kernel is wide, and measured on 150,000
 * clinical-like points an exact tree sum with a cut-off radius managed only about 200 queries per
 * second per core, because most of the data lies within the radius (an exact index cannot reach
 * 10,000 queries per second there). So:
 *
 * <ul>
 *   <li>Exact mode ({@code cellSize = 0}): nodes whose bounding box is beyond the cut-off radius are
 *       dropped (each dropped term is below the kernel cut-off, a strict bound); remaining leaves are
 *       summed point by point.</li>
 *   <li>With {@code cellSize > 0}, every node of at most {@code cellSize} points (a "cell"; the
 *       tree's maximal such nodes partition the data) contributes {@code count * E[kernel]} computed
 *       from its members' per-feature mean and variance, treating features as independent Gaussians:
 *       for one feature, {@code E exp(-(q - x)^2 / 2 s^2) = (1 + v / s^2)^(-1/2)
 *       exp(-(q - m)^2 / (2 (s^2 + v)))}. A query then costs one exponential per cell instead of one
 *       per point. The cut-off is not applied to cells (their far contributions are tiny and kept). This
 *       has no hard bound and is biased low (clipped features and point masses at -1
 *       are not Gaussian); because the threshold is computed with the same approximation, the bias
 *       largely cancels in the verdicts. Error and verdict agreement with the exact density are
 *       measured in the tests and the benchmark (docs/guardians.md).</li>
 * </ul>
 */
final class KdeIndex {

    private final KdTree tree;
    private final int d;
    private final double radiusSquared;
    private final double invTwoSigmaSquared;
    private final int cellSize;
    /** {@code double[nodes]}: log of count * prod_j (1 + v_j / sigma^2)^(-1/2). */
    private final double[] logWeight;
    /** {@code double[nodes * d]}: node mean per feature. */
    private final double[] mean;
    /** {@code double[nodes * d]}: 1 / (2 (sigma^2 + v_j)) per node and feature. */
    private final double[] inverseWidth;
    private final int[] cells;

    KdeIndex(KdTree tree, double sigma, double radiusSquared, int cellSize) {
        this.tree = tree;
        this.d = tree.dimension();
        this.radiusSquared = radiusSquared;
        this.invTwoSigmaSquared = 1 / (2 * sigma * sigma);
        this.cellSize = cellSize;
        int nodes = tree.nodeCount();
        this.logWeight = new double[nodes];
        this.mean = new double[nodes * d];
        this.inverseWidth = new double[nodes * d];
        double sigmaSquared = sigma * sigma;
        for (int node = 0; node < nodes; node++) {
            int count = tree.end(node) - tree.start(node);
            double log = Math.log(count);
            for (int j = 0; j < d; j++) {
                double sum = 0;
                double sumSquares = 0;
                for (int i = tree.start(node); i < tree.end(node); i++) {
                    double v = tree.coordinate(i, j);
                    sum += v;
                    sumSquares += v * v;
                }
                double m = sum / count;
                double variance = Math.max(0, sumSquares / count - m * m);
                mean[node * d + j] = m;
                inverseWidth[node * d + j] = 1 / (2 * (sigmaSquared + variance));
                log -= 0.5 * Math.log1p(variance / sigmaSquared);
            }
            logWeight[node] = log;
        }
        this.cells = collectCells();
    }

    /** Approximate {@code sum_i exp(-|q - x_i|^2 / (2 sigma^2))} over all reference points. */
    double kernelSum(double[] query) {
        if (cells.length == 0) {
            return visit(0, query);
        }
        // With cells, walking the tree would cost a box distance per inner node, about as much as the
        // cells themselves: loop over the precomputed cells instead.
        double sum = 0;
        for (int cell : cells) {
            sum += moments(cell, query);
        }
        return sum;
    }

    /** The maximal nodes of at most {@code cellSize} points, in tree order; empty when exact. */
    private int[] collectCells() {
        if (cellSize == 0) {
            return new int[0];
        }
        java.util.List<Integer> found = new java.util.ArrayList<>();
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(0);
        while (!stack.isEmpty()) {
            int node = stack.pop();
            if (tree.end(node) - tree.start(node) <= cellSize || tree.isLeaf(node)) {
                found.add(node);
            } else {
                stack.push(tree.right(node));
                stack.push(tree.left(node));
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private double visit(int node, double[] query) {
        double boxDistance = tree.boxDistanceSquared(node, query);
        if (boxDistance > radiusSquared) {
            return 0;
        }
        if (tree.isLeaf(node)) {
            return tree.leafGaussianSum(node, query, radiusSquared, invTwoSigmaSquared);
        }
        return visit(tree.left(node), query) + visit(tree.right(node), query);
    }

    private double moments(int node, double[] query) {
        int offset = node * d;
        double exponent = logWeight[node];
        for (int j = 0; j < d; j++) {
            double diff = query[j] - mean[offset + j];
            exponent -= diff * diff * inverseWidth[offset + j];
        }
        return Math.exp(exponent);
    }
}
