package dev.vigil.safety.guardian;

/**
 * Min-max scaling of each feature to [-1, 1] with the training minimum and maximum, as in the released
 * OGSRL code: {@code x' = 2 (x - min) / (max - min) - 1}.
 *
 * <p>Values outside the training range map outside [-1, 1] on purpose and are <em>not</em> clipped:
 * clipping would pull an out-of-range patient back onto the edge of the training support and hide
 * exactly what the guardians must see. A constant training column (max == min) has no range to divide
 * by: it maps to {@code x - min}, so the training constant becomes 0 and any other value keeps its raw
 * deviation and still shows as a distance from the training support.
 */
public final class MinMaxScaler {

    private final double[] min;
    private final double[] max;

    private MinMaxScaler(double[] min, double[] max) {
        this.min = min;
        this.max = max;
    }

    /**
     * Fits on the training rows.
     *
     * @param training {@code double[n][d]}, n >= 1, finite
     */
    public static MinMaxScaler fit(double[][] training) {
        int d = Points.requireRectangular(training, "Scaler training data");
        double[] min = training[0].clone();
        double[] max = training[0].clone();
        for (double[] row : training) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        return new MinMaxScaler(min, max);
    }

    /** The number of features {@code d}. */
    public int dimension() {
        return min.length;
    }

    /** Training minimum per feature, {@code double[d]} (a copy). */
    public double[] min() {
        return min.clone();
    }

    /** Training maximum per feature, {@code double[d]} (a copy). */
    public double[] max() {
        return max.clone();
    }

    /**
     * Scales one row; training values land in [-1, 1], others may lie beyond.
     *
     * @param row {@code double[d]}, finite
     * @return {@code double[d]}, a new array
     */
    public double[] transform(double[] row) {
        Points.requirePoint(row, min.length, "Row to scale");
        double[] scaled = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            double range = max[j] - min[j];
            // A constant column has no range to divide by: centre it at 0 and keep deviations in the
            // raw unit so an unseen value is still visibly away from the training support.
            scaled[j] = range > 0 ? 2 * (row[j] - min[j]) / range - 1 : row[j] - min[j];
        }
        return scaled;
    }

    /**
     * Undoes {@link #transform}: {@code inverseTransform(transform(x))} equals {@code x} up to rounding.
     *
     * @param scaled {@code double[d]}, finite
     * @return {@code double[d]} in the raw units, a new array
     */
    public double[] inverseTransform(double[] scaled) {
        Points.requirePoint(scaled, min.length, "Row to unscale");
        double[] raw = new double[scaled.length];
        for (int j = 0; j < scaled.length; j++) {
            double range = max[j] - min[j];
            raw[j] = range > 0 ? (scaled[j] + 1) * range / 2 + min[j] : scaled[j] + min[j];
        }
        return raw;
    }

    /**
     * Scales every row.
     *
     * @param rows {@code double[n][d]}
     * @return {@code double[n][d]}, new arrays
     */
    public double[][] transform(double[][] rows) {
        Points.requireRectangular(rows, "Rows to scale");
        double[][] scaled = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            scaled[i] = transform(rows[i]);
        }
        return scaled;
    }
}
