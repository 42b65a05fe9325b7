package dev.vigil.offlinerl.ope;

/**
 * Settings of the percentile bootstrap.
 *
 * @param replicates B, resamples of the episodes (e.g. 2000)
 * @param confidenceLevel of the two-sided interval, e.g. 0.95; the one-sided lower bound uses the same level
 *     (0.95 gives the 5th percentile, the AI Clinician's model-selection criterion)
 * @param seed drives the resampling
 */
public record BootstrapConfig(int replicates, double confidenceLevel, long seed) {

    public BootstrapConfig {
        if (replicates < 2) {
            throw new IllegalArgumentException("The bootstrap needs at least 2 replicates (use 1000 or more), got "
                    + replicates);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("The confidence level must be in (0, 1), e.g. 0.95; got "
                    + confidenceLevel);
        }
    }
}
