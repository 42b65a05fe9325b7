package dev.vigil.safety.guardian;

/**
 * Configuration of the {@link GaussianKdeGuardian} (OGSRL's released guardian).
 *
 * @param sigma Gaussian kernel bandwidth on the [-1, 1]-scaled features; OGSRL used 0.535
 * @param thresholdPercentile percentile of the training points' own densities below which a point is
 *     out of distribution; OGSRL used 5
 * @param kernelCutoff kernel values below this are dropped, so only reference points within radius
 *     {@code sigma * sqrt(2 ln(1 / kernelCutoff))} are summed; the score (a mean of kernel values) is
 *     then at most {@code kernelCutoff} below the exact one. 0 means exact (every point summed)
 * @param cellSize 0 to sum every reference point within the cut-off (exact up to the cut-off, slow on
 *     large data); otherwise the size of the tree cells whose kernel sum is approximated from the
 *     cell's per-feature mean and variance (see {@code KdeIndex}; 256 reaches the speed target with
 *     about 98 % verdict agreement with the exact KDE, docs/guardians.md)
 * @param leaveOneOut whether a training point's own density excludes itself when setting the
 *     threshold; the released code included it (false)
 */
public record KdeConfig(double sigma, double thresholdPercentile, double kernelCutoff, int cellSize,
        boolean leaveOneOut) {

    /** OGSRL's sigma. */
    public static final double OGSRL_SIGMA = 0.535;

    /** Default cell size of the fast approximation. */
    public static final int DEFAULT_CELL_SIZE = 256;

    /** Default cut-off: see docs/guardians.md for the measured speed and verdict agreement. */
    public static final double DEFAULT_KERNEL_CUTOFF = 1e-6;

    public KdeConfig {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException(
                    "KDE sigma must be a finite positive bandwidth on the scaled features (OGSRL: 0.535), got " + sigma);
        }
        Percentile.requirePercent(thresholdPercentile, "KDE thresholdPercentile");
        if (!(kernelCutoff >= 0 && kernelCutoff < 1)) {
            throw new IllegalArgumentException("KDE kernelCutoff must be in [0, 1): 0 for the exact density, "
                    + "e.g. 1e-6 to drop kernel values below one in a million; got " + kernelCutoff);
        }
        if (cellSize < 0) {
            throw new IllegalArgumentException("KDE cellSize must be 0 (exact up to the cut-off) or a positive "
                    + "number of points per approximated cell (default 256), got " + cellSize);
        }
    }

    /**
     * OGSRL's released settings (sigma 0.535, 5th percentile, own density includes the point itself)
     * with the fast cell approximation.
     */
    public static KdeConfig ogsrl() {
        return new KdeConfig(OGSRL_SIGMA, 5, DEFAULT_KERNEL_CUTOFF, DEFAULT_CELL_SIZE, false);
    }

    /** OGSRL's released settings evaluated exactly up to the default cut-off: slow on large data. */
    public static KdeConfig ogsrlExact() {
        return new KdeConfig(OGSRL_SIGMA, 5, DEFAULT_KERNEL_CUTOFF, 0, false);
    }

    /** Squared cut-off radius on the scaled features; infinite when exact. */
    double cutoffRadiusSquared() {
        return kernelCutoff == 0 ? Double.POSITIVE_INFINITY : 2 * sigma * sigma * Math.log(1 / kernelCutoff);
    }
}
