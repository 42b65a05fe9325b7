package dev.vigil.offlinerl.algo.continuous;

import java.util.Arrays;

/**
 * Exact Euclidean 1-nearest-neighbour search over fixed points with a k-d tree (split on the widest coordinate at
 * the median, leaves of up to 16 points). Same answer as a brute-force scan, ties included (the lowest point index
 * wins), so it can stand in for {@code NearestNeighbourModel.nearestKey} in the rollout loop, where that scan costs
 * milliseconds per step on a cohort's tens of thousands of keys. Immutable; {@link #nearest} allocates nothing.
 */
public final class KdNearestNeighbour {

    private static final int LEAF = 16;

    private final double[][] points;
    private final int dimension;
    private final int[] order;
    // Per node: split dimension (-1 for a leaf), split value, range [from, to) in order, children.
    private final int[] splitDim;
    private final double[] splitValue;
    private final int[] from;
    private final int[] to;
    private final int[] left;
    private final int[] right;
    private int nodes;

    public KdNearestNeighbour(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("A nearest-neighbour index needs at least one point");
        }
        this.points = points;
        this.dimension = points[0].length;
        this.order = new int[points.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int capacity = 2 * (points.length / LEAF + 1) * 2 + 1;
        splitDim = new int[capacity];
        splitValue = new double[capacity];
        from = new int[capacity];
        to = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        build(0, points.length);
    }

    private int build(int lo, int hi) {
        int node = nodes++;
        from[node] = lo;
        to[node] = hi;
        if (hi - lo <= LEAF) {
            splitDim[node] = -1;
            return node;
        }
        int best = 0;
        double bestSpread = -1;
        for (int d = 0; d < dimension; d++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = points[order[i]][d];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = d;
            }
        }
        if (bestSpread <= 0) {
            splitDim[node] = -1;   // all points equal: one leaf
            return node;
        }
        final int dim = best;
        Integer[] slice = new Integer[hi - lo];
        for (int i = lo; i < hi; i++) {
            slice[i - lo] = order[i];
        }
        Arrays.sort(slice, (a, b) -> Double.compare(points[a][dim], points[b][dim]));
        for (int i = lo; i < hi; i++) {
            order[i] = slice[i - lo];
        }
        int mid = (lo + hi) / 2;
        splitDim[node] = dim;
        splitValue[node] = points[order[mid]][dim];
        int l = build(lo, mid);
        int r = build(mid, hi);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /**
     * The index of the point nearest to the query (x, y concatenated: {@code x} then {@code y}); ties go to the
     * lowest index.
     */
    public int nearest(double[] x, double[] y) {
        double[] best = {Double.POSITIVE_INFINITY, Integer.MAX_VALUE};
        search(0, x, y, best);
        return (int) best[1];
    }

    private double coordinate(double[] x, double[] y, int d) {
        return d < x.length ? x[d] : y[d - x.length];
    }

    private void search(int node, double[] x, double[] y, double[] best) {
        if (splitDim[node] < 0) {
            for (int i = from[node]; i < to[node]; i++) {
                int p = order[i];
                double[] point = points[p];
                double d = 0;
                for (int j = 0; j < dimension && d <= best[0]; j++) {
                    double diff = point[j] - coordinate(x, y, j);
                    d += diff * diff;
                }
                if (d < best[0] || (d == best[0] && p < best[1])) {
                    best[0] = d;
                    best[1] = p;
                }
            }
            return;
        }
        double diff = coordinate(x, y, splitDim[node]) - splitValue[node];
        int near = diff < 0 ? left[node] : right[node];
        int far = diff < 0 ? right[node] : left[node];
        search(near, x, y, best);
        // <= so that an equally distant point with a lower index on the far side is still found.
        if (diff * diff <= best[0]) {
            search(far, x, y, best);
        }
    }
}
