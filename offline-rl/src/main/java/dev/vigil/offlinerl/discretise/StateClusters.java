package dev.vigil.offlinerl.discretise;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means states as in the AI Clinician: features min-max scaled to [0, 1] on the training data, NaN replaced by
 * the training mean, clusters seeded by k-means++ and refined by Lloyd iterations. A JSON-able record: it is all a
 * caller needs to map a new feature vector to the state id the policy was trained on.
 *
 * @param fill per feature, the training mean (of the non-NaN values; 0 when a feature was never measured) that
 *     replaces NaN; held values (carried forward by ingestion) are used as stored
 * @param min per feature, the training minimum after filling
 * @param max per feature, the training maximum after filling
 * @param centroids shape (k, features), in scaled units
 */
public record StateClusters(double[] fill, double[] min, double[] max, double[][] centroids) {

    public StateClusters {
        if (fill == null || min == null || max == null || centroids == null || centroids.length == 0) {
            throw new IllegalArgumentException("State clusters need fill values, minima, maxima and at least one "
                    + "centroid");
        }
        int width = fill.length;
        if (min.length != width || max.length != width) {
            throw new IllegalArgumentException("fill, min and max must have one entry per feature");
        }
        fill = fill.clone();
        min = min.clone();
        max = max.clone();
        centroids = copy(centroids);
        for (double[] c : centroids) {
            if (c.length != width) {
                throw new IllegalArgumentException("Every centroid needs " + width + " coordinates");
            }
        }
    }

    /**
     * Clusters the rows.
     *
     * @param rows shape (N, features), finite or NaN; N >= k
     * @param k the number of clusters, >= 1
     * @param iterations the most Lloyd iterations after k-means++ seeding, >= 1 (stops earlier when no step
     *     changes cluster)
     * @param rng the only source of randomness (k-means++ seeding)
     */
    public static StateClusters fit(double[][] rows, int k, int iterations, SplittableRandom rng) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("k-means needs at least one row");
        }
        if (k < 1 || k > rows.length) {
            throw new IllegalArgumentException("k-means with k = " + k + " needs 1 <= k <= the number of rows ("
                    + rows.length + ")");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("k-means needs at least 1 iteration; got " + iterations);
        }
        int width = rows[0].length;
        double[] fill = means(rows, width);
        double[] min = new double[width];
        double[] max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : rows) {
            for (int f = 0; f < width; f++) {
                double v = Double.isNaN(row[f]) ? fill[f] : row[f];
                min[f] = Math.min(min[f], v);
                max[f] = Math.max(max[f], v);
            }
        }
        StateClusters scale = new StateClusters(fill, min, max, new double[][] {new double[width]});
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = scale.scaled(rows[i]);
        }
        double[][] centroids = seed(x, k, rng);
        lloyd(x, centroids, iterations);
        return new StateClusters(fill, min, max, centroids);
    }

    /** Number of clusters (state ids {@code 0..k-1}). */
    public int k() {
        return centroids.length;
    }

    /** Number of features. */
    public int width() {
        return fill.length;
    }

    /**
     * The state id of a feature vector: its nearest centroid (squared Euclidean distance in scaled units; ties go
     * to the lowest id).
     *
     * @param state shape (features), raw units, NaN = missing (replaced by the training mean)
     */
    public int assign(double[] state) {
        if (state == null || state.length != fill.length) {
            throw new IllegalArgumentException("A state needs " + fill.length + " features; got "
                    + (state == null ? "null" : state.length));
        }
        return nearest(scaled(state), centroids);
    }

    @Override
    public double[] fill() {
        return fill.clone();
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public double[][] centroids() {
        return copy(centroids);
    }

    private double[] scaled(double[] raw) {
        double[] out = new double[raw.length];
        for (int f = 0; f < raw.length; f++) {
            double v = Double.isNaN(raw[f]) ? fill[f] : raw[f];
            double range = max[f] - min[f];
            // A constant feature carries no information: map it to 0 rather than divide by zero.
            out[f] = range > 0 ? (v - min[f]) / range : 0;
        }
        return out;
    }

    private static double[] means(double[][] rows, int width) {
        double[] sum = new double[width];
        long[] n = new long[width];
        for (double[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("Every row needs " + width + " features");
            }
            for (int f = 0; f < width; f++) {
                if (!Double.isNaN(row[f])) {
                    sum[f] += row[f];
                    n[f]++;
                }
            }
        }
        double[] mean = new double[width];
        for (int f = 0; f < width; f++) {
            mean[f] = n[f] == 0 ? 0 : sum[f] / n[f];
        }
        return mean;
    }

    /** k-means++: each next centre drawn with probability proportional to the squared distance to the nearest. */
    private static double[][] seed(double[][] x, int k, SplittableRandom rng) {
        double[][] centres = new double[k][];
        centres[0] = x[rng.nextInt(x.length)].clone();
        double[] d2 = new double[x.length];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < x.length; i++) {
                d2[i] = Math.min(d2[i], distance2(x[i], centres[c - 1]));
                total += d2[i];
            }
            int chosen;
            if (total <= 0) {
                // Fewer distinct points than clusters: any point is as good; the extra clusters stay empty.
                chosen = rng.nextInt(x.length);
            } else {
                double u = rng.nextDouble() * total;
                chosen = x.length - 1;
                double cumulative = 0;
                for (int i = 0; i < x.length; i++) {
                    cumulative += d2[i];
                    if (u < cumulative) {
                        chosen = i;
                        break;
                    }
                }
            }
            centres[c] = x[chosen].clone();
        }
        return centres;
    }

    private static void lloyd(double[][] x, double[][] centroids, int iterations) {
        int[] label = new int[x.length];
        Arrays.fill(label, -1);
        int width = centroids[0].length;
        for (int it = 0; it < iterations; it++) {
            boolean changed = false;
            for (int i = 0; i < x.length; i++) {
                int c = nearest(x[i], centroids);
                changed |= c != label[i];
                label[i] = c;
            }
            if (!changed) {
                return;
            }
            double[][] sum = new double[centroids.length][width];
            int[] n = new int[centroids.length];
            for (int i = 0; i < x.length; i++) {
                n[label[i]]++;
                for (int f = 0; f < width; f++) {
                    sum[label[i]][f] += x[i][f];
                }
            }
            for (int c = 0; c < centroids.length; c++) {
                // An empty cluster keeps its centre: deterministic, and its state id simply stays unseen.
                if (n[c] > 0) {
                    for (int f = 0; f < width; f++) {
                        centroids[c][f] = sum[c][f] / n[c];
                    }
                }
            }
        }
    }

    private static int nearest(double[] point, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = distance2(point, centres[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) {
            double d = a[f] - b[f];
            s += d * d;
        }
        return s;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
