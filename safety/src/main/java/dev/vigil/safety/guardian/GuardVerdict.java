package dev.vigil.safety.guardian;

/**
 * A guardian's judgement of one point or one window.
 *
 * <p>Orientation, the same for every guardian: a higher {@code score} means more in distribution, and
 * {@code inSupport == (score >= threshold)}.
 *
 * @param inSupport whether the point (or every point of the window) lies in the training support
 * @param score the guardian's in-distribution score (for distances: the negated distance)
 * @param threshold the score at or above which a point is in support
 */
public record GuardVerdict(boolean inSupport, double score, double threshold) {

    public GuardVerdict {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException(
                    "GuardVerdict score is NaN; check the point for NaN features before judging it");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException(
                    "GuardVerdict threshold is NaN; fit the guardian on finite training data");
        }
        if (inSupport != (score >= threshold)) {
            throw new IllegalArgumentException("GuardVerdict inSupport=" + inSupport + " contradicts score "
                    + score + " and threshold " + threshold + "; use GuardVerdict.of(score, threshold)");
        }
    }

    /** The verdict implied by a score and a threshold: in support when {@code score >= threshold}. */
    public static GuardVerdict of(double score, double threshold) {
        return new GuardVerdict(score >= threshold, score, threshold);
    }
}
