package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.offlinerl.algo.AlgorithmConfig;

/**
 * Tabular behaviour cloning: pi(a | s) = (n(s, a) + smoothing) / (n(s) + A * smoothing).
 *
 * @param smoothing additive (Laplace) smoothing per action, finite and >= 0; 0 (default) copies the logged
 *     frequencies, so the clone never takes an action the clinicians never took in that state
 * @param seed recorded for provenance; counting draws no random numbers
 */
public record BcConfig(double smoothing, long seed) implements AlgorithmConfig {

    public BcConfig {
        if (!(smoothing >= 0 && Double.isFinite(smoothing))) {
            throw new IllegalArgumentException("smoothing must be finite and >= 0 (0 = plain frequencies, 1 = Laplace);"
                    + " got " + smoothing);
        }
    }

    /** Smoothing 0, seed 0. */
    public static BcConfig defaults() {
        return new BcConfig(0, 0);
    }
}
