package dev.vigil.safety.guardian;

/**
 * How a fitted guardian covers held-out data.
 *
 * @param targetCoverage the share of in-distribution points the threshold aims to keep in support
 *     ({@code 1 - thresholdPercentile / 100})
 * @param measuredCoverage the share of the held-out points judged in support
 * @param heldOut how many held-out points were judged
 * @param threshold the guardian's threshold
 */
public record Calibration(double targetCoverage, double measuredCoverage, int heldOut, double threshold) {

    public Calibration {
        if (!(targetCoverage >= 0 && targetCoverage <= 1) || !(measuredCoverage >= 0 && measuredCoverage <= 1)) {
            throw new IllegalArgumentException("Coverages are shares in [0, 1], got target " + targetCoverage
                    + " and measured " + measuredCoverage + "; pass e.g. 0.95, not 95");
        }
        if (heldOut < 1) {
            throw new IllegalArgumentException("Calibration needs at least one held-out point, got " + heldOut
                    + "; lower the held-out fraction's rounding by adding episodes");
        }
    }

    /**
     * Measures coverage of {@code heldOut}, {@code double[n][d]}, under {@code guardian}.
     */
    public static Calibration measure(OodGuardian guardian, double[][] heldOut, double targetCoverage) {
        Points.requireRectangular(heldOut, "Held-out points");
        int inSupport = 0;
        double threshold = Double.NaN;
        for (double[] point : heldOut) {
            GuardVerdict verdict = guardian.judge(point);
            threshold = verdict.threshold();
            if (verdict.inSupport()) {
                inSupport++;
            }
        }
        return new Calibration(targetCoverage, inSupport / (double) heldOut.length, heldOut.length, threshold);
    }
}
