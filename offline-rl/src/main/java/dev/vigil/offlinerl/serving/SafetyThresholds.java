package dev.vigil.offlinerl.serving;

/**
 * When a basic safety report passes.
 *
 * @param maxOodRate the largest share of the policy's (state, action) points on the dataset that the guardian may
 *     put outside the support, in [0, 1]
 * @param maxCostRatio the policy's expected cost per episode may be at most this multiple of the clinicians', >= 0
 */
public record SafetyThresholds(double maxOodRate, double maxCostRatio) {

    public SafetyThresholds {
        if (!(maxOodRate >= 0 && maxOodRate <= 1)) {
            throw new IllegalArgumentException("maxOodRate must be in [0, 1]; got " + maxOodRate);
        }
        if (!(maxCostRatio >= 0) || Double.isInfinite(maxCostRatio)) {
            throw new IllegalArgumentException("maxCostRatio must be a finite number >= 0; got " + maxCostRatio);
        }
    }

    /** At most 20 % out of support, and no more expected cost than the clinicians'. */
    public static SafetyThresholds defaults() {
        return new SafetyThresholds(0.2, 1.0);
    }
}
