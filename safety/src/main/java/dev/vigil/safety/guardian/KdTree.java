package dev.vigil.safety.guardian;

import java.util.Arrays;

/**
 * A KD-tree over reference points with per-node bounding boxes, used for exact k-nearest-neighbour
 * search and for kernel sums restricted to a cut-off radius.
 *
 * <p>Points are copied into one flat array in tree order so that a leaf is a contiguous run of memory.
 * Each node splits its widest box dimension at the median. Queries prune a node when the squared
 * distance from the query to its bounding box exceeds the current bound. Immutable; safe for
 * concurrent queries.
 */
final class KdTree {

    /** Leaf size: small enough to prune, large enough that leaf loops dominate over recursion. */
    static final int LEAF_SIZE = 24;

    private final int n;
    private final int d;
    /** {@code double[n * d]}: point {@code i} in tree order occupies {@code [i * d, (i + 1) * d)}. */
    private final double[] coords;
    /** {@code int[n]}: original row index of the point at tree position {@code i}. */
    private final int[] originalIndex;
    private final int[] nodeStart;
    private final int[] nodeEnd;
    private final int[] leftChild;
    private final int[] rightChild;
    /** {@code double[nodes * d]}: bounding box minimum per node and dimension. */
    private final double[] boxMin;
    private final double[] boxMax;

    private KdTree(int n, int d, double[] coords, int[] originalIndex, int nodes) {
        this.n = n;
        this.d = d;
        this.coords = coords;
        this.originalIndex = originalIndex;
        this.nodeStart = new int[nodes];
        this.nodeEnd = new int[nodes];
        this.leftChild = new int[nodes];
        this.rightChild = new int[nodes];
        this.boxMin = new double[nodes * d];
        this.boxMax = new double[nodes * d];
    }

    /**
     * Builds the tree.
     *
     * @param points {@code double[n][d]}, finite; copied
     */
    static KdTree build(double[][] points) {
        int d = Points.requireRectangular(points, "Reference points");
        int n = points.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int maxNodes = 2 * Math.max(1, (n + LEAF_SIZE - 1) / LEAF_SIZE) * 2 + 1;
        Builder builder = new Builder(points, order, d, maxNodes);
        builder.build(0, n);
        double[] coords = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[order[i]], 0, coords, i * d, d);
        }
        KdTree tree = new KdTree(n, d, coords, order, builder.count);
        System.arraycopy(builder.start, 0, tree.nodeStart, 0, builder.count);
        System.arraycopy(builder.end, 0, tree.nodeEnd, 0, builder.count);
        System.arraycopy(builder.left, 0, tree.leftChild, 0, builder.count);
        System.arraycopy(builder.right, 0, tree.rightChild, 0, builder.count);
        for (int node = 0; node < builder.count; node++) {
            tree.fillBox(node);
        }
        return tree;
    }

    int size() {
        return n;
    }

    int dimension() {
        return d;
    }

    /** Original row index of the point at tree position {@code position}. */
    int originalIndex(int position) {
        return originalIndex[position];
    }

    /**
     * Squared distances to the k nearest reference points, ascending.
     *
     * @param query {@code double[d]}
     * @param k 1 <= k <= n (n - 1 when excluding)
     * @param excludeOriginal original row index to skip (leave-one-out), or -1
     * @param maxLeaves 0 for the exact search; otherwise stop after scanning this many leaves, nearest
     *     box first (approximate: distances can only come out too large)
     * @return {@code double[k]} squared distances, ascending
     */
    double[] nearestSquaredDistances(double[] query, int k, int excludeOriginal, int maxLeaves) {
        Neighbours heap = search(query, k, excludeOriginal, maxLeaves);
        return heap.sortedDistances();
    }

    /**
     * Squared distance to the k-th nearest reference point; the same search as
     * {@link #nearestSquaredDistances} but allocation-free (per-thread scratch buffers).
     */
    double kthNearestSquaredDistance(double[] query, int k, int excludeOriginal, int maxLeaves) {
        return search(query, k, excludeOriginal, maxLeaves).kth();
    }

    private Neighbours search(double[] query, int k, int excludeOriginal, int maxLeaves) {
        Scratch scratch = SCRATCH.get();
        Neighbours heap = scratch.neighbours(k);
        if (maxLeaves == 0) {
            scratch.leavesLeft[0] = Integer.MAX_VALUE;
            nearest(0, query, heap, excludeOriginal, scratch.leavesLeft);
        } else {
            bestBinFirst(query, heap, excludeOriginal, maxLeaves, scratch.frontier);
        }
        return heap;
    }

    /** Per-thread reusable buffers: no allocation per query once warmed up. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final int[] leavesLeft = new int[1];
        final Frontier frontier = new Frontier();
        private Neighbours neighbours;

        Neighbours neighbours(int k) {
            if (neighbours == null || neighbours.capacity() != k) {
                neighbours = new Neighbours(k);
            } else {
                neighbours.clear();
            }
            return neighbours;
        }
    }

    /**
     * Min-heap of (box distance, node) in parallel primitive arrays. Ties are broken by insertion order,
     * so nodes come out in the same order as from a stable priority queue.
     */
    private static final class Frontier {
        private double[] keys = new double[64];
        private int[] nodes = new int[64];
        private long[] seqs = new long[64];
        private int size;
        private long seq;

        void clear() {
            size = 0;
            seq = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        double minKey() {
            return keys[0];
        }

        void add(double key, int node) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
                seqs = Arrays.copyOf(seqs, size * 2);
            }
            long s = seq++;
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(key, s, keys[parent], seqs[parent])) {
                    break;
                }
                move(parent, i);
                i = parent;
            }
            set(i, key, node, s);
        }

        private void move(int from, int to) {
            set(to, keys[from], nodes[from], seqs[from]);
        }

        private void set(int i, double key, int node, long sequence) {
            keys[i] = key;
            nodes[i] = node;
            seqs[i] = sequence;
        }

        /** Removes the minimum and returns its node. */
        int poll() {
            int top = nodes[0];
            int last = --size;
            if (last > 0) {
                double key = keys[last];
                int node = nodes[last];
                long s = seqs[last];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= last) {
                        break;
                    }
                    int right = child + 1;
                    if (right < last && less(keys[right], seqs[right], keys[child], seqs[child])) {
                        child = right;
                    }
                    if (!less(keys[child], seqs[child], key, s)) {
                        break;
                    }
                    move(child, i);
                    i = child;
                }
                set(i, key, node, s);
            }
            return top;
        }

        private static boolean less(double k1, long s1, double k2, long s2) {
            return k1 < k2 || (k1 == k2 && s1 < s2);
        }
    }

    /** Scans leaves in order of box distance until the budget is spent (Beis and Lowe's search). */
    private void bestBinFirst(double[] query, Neighbours heap, int exclude, int maxLeaves, Frontier frontier) {
        frontier.clear();
        frontier.add(0, 0);
        int leaves = 0;
        while (!frontier.isEmpty()) {
            double key = frontier.minKey();
            int node = frontier.poll();
            double bound = heap.bound();
            if (key >= bound || (leaves >= maxLeaves && bound < Double.POSITIVE_INFINITY)) {
                return;
            }
            int left = leftChild[node];
            if (left < 0) {
                leaves++;
                int end = nodeEnd[node];
                for (int i = nodeStart[node]; i < end; i++) {
                    if (originalIndex[i] != exclude) {
                        double dist = partialSquaredDistance(query, i, bound);
                        if (dist < bound) {
                            heap.offer(dist);
                            bound = heap.bound();
                        }
                    }
                }
            } else {
                int right = rightChild[node];
                double leftKey = boxSquaredDistance(left, query, bound);
                double rightKey = boxSquaredDistance(right, query, bound);
                // A child whose box is already beyond the k-th best would be discarded when polled
                // (and would end the search, as nothing nearer remains); skip pushing it.
                if (leftKey < bound) {
                    frontier.add(leftKey, left);
                }
                if (rightKey < bound) {
                    frontier.add(rightKey, right);
                }
            }
        }
    }

    private void nearest(int node, double[] query, Neighbours heap, int exclude, int[] leavesLeft) {
        if (leavesLeft[0] <= 0 && heap.bound() < Double.POSITIVE_INFINITY) {
            return;
        }
        if (leftChild[node] < 0) {
            leavesLeft[0]--;
            for (int i = nodeStart[node]; i < nodeEnd[node]; i++) {
                if (originalIndex[i] == exclude) {
                    continue;
                }
                double dist = partialSquaredDistance(query, i, heap.bound());
                if (dist < heap.bound()) {
                    heap.offer(dist);
                }
            }
            return;
        }
        int left = leftChild[node];
        int right = rightChild[node];
        double leftBound = boxSquaredDistance(left, query);
        double rightBound = boxSquaredDistance(right, query);
        int near = leftBound <= rightBound ? left : right;
        int far = near == left ? right : left;
        double farBound = near == left ? rightBound : leftBound;
        if (Math.min(leftBound, rightBound) < heap.bound()) {
            nearest(near, query, heap, exclude, leavesLeft);
        }
        if (farBound < heap.bound()) {
            nearest(far, query, heap, exclude, leavesLeft);
        }
    }

    /**
     * Sum of {@code exp(-dist^2 * invTwoSigmaSquared)} over all reference points within squared radius
     * {@code radiusSquared} of the query; points beyond are skipped (the caller bounds that error).
     *
     * @param query {@code double[d]}
     */
    double gaussianSumWithin(double[] query, double radiusSquared, double invTwoSigmaSquared) {
        return gaussianSum(0, query, radiusSquared, invTwoSigmaSquared);
    }

    private double gaussianSum(int node, double[] query, double radiusSquared, double invTwoSigmaSquared) {
        if (boxSquaredDistance(node, query) > radiusSquared) {
            return 0;
        }
        if (leftChild[node] >= 0) {
            return gaussianSum(leftChild[node], query, radiusSquared, invTwoSigmaSquared)
                    + gaussianSum(rightChild[node], query, radiusSquared, invTwoSigmaSquared);
        }
        double sum = 0;
        for (int i = nodeStart[node]; i < nodeEnd[node]; i++) {
            double dist = partialSquaredDistance(query, i, radiusSquared);
            if (dist <= radiusSquared) {
                sum += Math.exp(-dist * invTwoSigmaSquared);
            }
        }
        return sum;
    }

    // Node accessors for other single-tree traversals (KdeIndex); node 0 is the root.

    int nodeCount() {
        return nodeStart.length;
    }

    boolean isLeaf(int node) {
        return leftChild[node] < 0;
    }

    int left(int node) {
        return leftChild[node];
    }

    int right(int node) {
        return rightChild[node];
    }

    int start(int node) {
        return nodeStart[node];
    }

    int end(int node) {
        return nodeEnd[node];
    }

    /** Feature {@code j} of the point at tree position {@code position}. */
    double coordinate(int position, int j) {
        return coords[position * d + j];
    }

    /** Squared distance from the query to the node's bounding box (0 inside it). */
    double boxDistanceSquared(int node, double[] query) {
        return boxSquaredDistance(node, query);
    }

    /** Squared length of the node's bounding-box diagonal. */
    double boxDiagonalSquared(int node) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double side = boxMax[node * d + j] - boxMin[node * d + j];
            sum += side * side;
        }
        return sum;
    }

    /** Sum of {@code exp(-dist^2 * invTwoSigmaSquared)} over the node's points within the radius. */
    double leafGaussianSum(int node, double[] query, double radiusSquared, double invTwoSigmaSquared) {
        double sum = 0;
        for (int i = nodeStart[node]; i < nodeEnd[node]; i++) {
            double dist = partialSquaredDistance(query, i, radiusSquared);
            if (dist <= radiusSquared) {
                sum += Math.exp(-dist * invTwoSigmaSquared);
            }
        }
        return sum;
    }

    /**
     * Squared distance to point {@code position}, stopping early (returning a value above
     * {@code bound}) once the partial sum exceeds {@code bound}: far points then cost a few features.
     */
    private double partialSquaredDistance(double[] query, int position, double bound) {
        int offset = position * d;
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = query[j] - coords[offset + j];
            sum += diff * diff;
            if (sum > bound) {
                return sum;
            }
        }
        return sum;
    }

    private double boxSquaredDistance(int node, double[] query) {
        int offset = node * d;
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double q = query[j];
            double lo = boxMin[offset + j];
            double hi = boxMax[offset + j];
            double gap = q < lo ? lo - q : (q > hi ? q - hi : 0);
            sum += gap * gap;
        }
        return sum;
    }

    /** As {@link #boxSquaredDistance(int, double[])}, but returns early (a value >= bound) past the bound. */
    private double boxSquaredDistance(int node, double[] query, double bound) {
        int offset = node * d;
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double q = query[j];
            double lo = boxMin[offset + j];
            double hi = boxMax[offset + j];
            double gap = q < lo ? lo - q : (q > hi ? q - hi : 0);
            sum += gap * gap;
            if (sum >= bound) {
                return sum;
            }
        }
        return sum;
    }

    private void fillBox(int node) {
        int offset = node * d;
        Arrays.fill(boxMin, offset, offset + d, Double.POSITIVE_INFINITY);
        Arrays.fill(boxMax, offset, offset + d, Double.NEGATIVE_INFINITY);
        for (int i = nodeStart[node]; i < nodeEnd[node]; i++) {
            for (int j = 0; j < d; j++) {
                double v = coords[i * d + j];
                boxMin[offset + j] = Math.min(boxMin[offset + j], v);
                boxMax[offset + j] = Math.max(boxMax[offset + j], v);
            }
        }
    }

    /** Recursive median-split construction over an index permutation. */
    private static final class Builder {
        private final double[][] points;
        private final int[] order;
        private final int d;
        private final int[] start;
        private final int[] end;
        private final int[] left;
        private final int[] right;
        private int count;

        Builder(double[][] points, int[] order, int d, int maxNodes) {
            this.points = points;
            this.order = order;
            this.d = d;
            this.start = new int[maxNodes];
            this.end = new int[maxNodes];
            this.left = new int[maxNodes];
            this.right = new int[maxNodes];
        }

        int build(int from, int to) {
            int node = count++;
            start[node] = from;
            end[node] = to;
            left[node] = -1;
            right[node] = -1;
            if (to - from <= LEAF_SIZE) {
                return node;
            }
            int dim = widestDimension(from, to);
            int mid = (from + to) >>> 1;
            select(from, to - 1, mid, dim);
            left[node] = build(from, mid);
            right[node] = build(mid, to);
            return node;
        }

        private int widestDimension(int from, int to) {
            int best = 0;
            double bestSpread = -1;
            for (int j = 0; j < d; j++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = points[order[i]][j];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (hi - lo > bestSpread) {
                    bestSpread = hi - lo;
                    best = j;
                }
            }
            return best;
        }

        /** Quickselect: puts the element of rank {@code k} at {@code k}, smaller ones before it. */
        private void select(int lo, int hi, int k, int dim) {
            while (hi > lo) {
                double pivot = points[order[(lo + hi) >>> 1]][dim];
                int i = lo;
                int j = hi;
                while (i <= j) {
                    while (points[order[i]][dim] < pivot) {
                        i++;
                    }
                    while (points[order[j]][dim] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        int tmp = order[i];
                        order[i] = order[j];
                        order[j] = tmp;
                        i++;
                        j--;
                    }
                }
                if (k <= j) {
                    hi = j;
                } else if (k >= i) {
                    lo = i;
                } else {
                    return;
                }
            }
        }
    }

    /** A bounded max-heap of the k smallest squared distances seen so far. */
    private static final class Neighbours {
        private final double[] heap;
        private int size;

        Neighbours(int k) {
            heap = new double[k];
        }

        double bound() {
            return size < heap.length ? Double.POSITIVE_INFINITY : heap[0];
        }

        void offer(double value) {
            if (size < heap.length) {
                heap[size] = value;
                siftUp(size++);
            } else if (value < heap[0]) {
                heap[0] = value;
                siftDown(0);
            }
        }

        int capacity() {
            return heap.length;
        }

        void clear() {
            size = 0;
        }

        /** The k-th smallest value offered (the largest kept); requires a full heap. */
        double kth() {
            return heap[0];
        }

        double[] sortedDistances() {
            double[] out = Arrays.copyOf(heap, size);
            Arrays.sort(out);
            return out;
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (heap[parent] >= heap[i]) {
                    return;
                }
                swap(parent, i);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int largest = i;
                if (l < size && heap[l] > heap[largest]) {
                    largest = l;
                }
                if (r < size && heap[r] > heap[largest]) {
                    largest = r;
                }
                if (largest == i) {
                    return;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int a, int b) {
            double tmp = heap[a];
            heap[a] = heap[b];
            heap[b] = tmp;
        }
    }
}
