package dev.vigil.safety.guardian;

/**
 * Configuration of the {@link EnsembleDisagreementGuardian}.
 *
 * @param thresholdPercentile percentile of the calibration points' scores (negated disagreements)
 *     below which a point is out of distribution (default 5)
 * @param measure how member predictions are reduced to one disagreement
 */
public record EnsembleConfig(double thresholdPercentile, Disagreement measure) {

    /** Reductions of {@code double[members][s]} predictions to one non-negative number. */
    public enum Disagreement {
        /** Mean Euclidean distance over all member pairs. */
        MEAN_PAIRWISE_DISTANCE,
        /** Largest per-feature standard deviation across members (MOPO-style). */
        MAX_STD
    }

    public EnsembleConfig {
        Percentile.requirePercent(thresholdPercentile, "Ensemble thresholdPercentile");
        if (measure == null) {
            throw new IllegalArgumentException(
                    "Ensemble disagreement measure is null; choose MEAN_PAIRWISE_DISTANCE or MAX_STD");
        }
    }

    /** 5th percentile, mean pairwise distance. */
    public static EnsembleConfig defaults() {
        return new EnsembleConfig(5, Disagreement.MEAN_PAIRWISE_DISTANCE);
    }
}
