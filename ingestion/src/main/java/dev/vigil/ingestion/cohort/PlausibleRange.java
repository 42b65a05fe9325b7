package dev.vigil.ingestion.cohort;

/**
 * The closed interval of believable values, in the feature's canonical unit; values outside are counted
 * and dropped, never clipped. Written {@code [min, max]}.
 */
public record PlausibleRange(double min, double max) {

    public PlausibleRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("plausible must be [min, max] with finite min <= max, got [" + min
                    + ", " + max + "]");
        }
    }

    /** Whether {@code value} lies in [min, max]. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
