package dev.vigil.offlinerl.ope;

/**
 * One estimator's answer.
 *
 * @param estimator the estimator's name, e.g. {@code WIS}
 * @param estimate the estimated expected return of the evaluation policy (NaN when no episode supports it)
 * @param effectiveSampleSize Kish's {@code (sum W_i)^2 / sum W_i^2} over trajectory weights; NaN for
 *     estimators without importance weights (FQE)
 * @param validWeightShare share of episodes whose trajectory weight is non-zero; NaN without weights
 * @param terms per-episode terms for the bootstrap
 */
public record OpeResult(String estimator, double estimate, double effectiveSampleSize, double validWeightShare,
        EpisodeTerms terms) {

    public OpeResult {
        if (estimator == null || estimator.isBlank() || terms == null) {
            throw new IllegalArgumentException("An OPE result needs the estimator's name and the episode terms");
        }
    }

    /** Per-episode contributions whose mean is the estimate. */
    public double[] contributions() {
        return terms.perEpisode();
    }

    /** See {@link EpisodeTerms#standardError()}. */
    public double standardError() {
        return terms.standardError();
    }
}
