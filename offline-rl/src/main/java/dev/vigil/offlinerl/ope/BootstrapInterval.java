package dev.vigil.offlinerl.ope;

/**
 * A percentile bootstrap interval of one estimate.
 *
 * @param estimator the estimator's name
 * @param estimate the estimate on all episodes
 * @param lower the {@code (1 - level) / 2} quantile of the replicates
 * @param upper the {@code (1 + level) / 2} quantile
 * @param lowerBound the one-sided {@code 1 - level} quantile, for choosing among policies
 * @param standardError standard deviation of the replicates
 * @param replicates B
 * @param undefinedReplicates replicates whose estimate was NaN (no episode with a non-zero weight was drawn);
 *     left out of the quantiles
 */
public record BootstrapInterval(String estimator, double estimate, double lower, double upper, double lowerBound,
        double standardError, int replicates, int undefinedReplicates) {
}
