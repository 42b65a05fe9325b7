package dev.vigil.safety.guardian;

/**
 * How {@link GuardianCalibrator} splits episodes.
 *
 * @param heldOutFraction share of episodes held out, in (0, 1)
 * @param seed seed of the episode shuffle
 */
public record CalibrationConfig(double heldOutFraction, long seed) {

    public CalibrationConfig {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException(
                    "heldOutFraction must be in (0, 1), e.g. 0.2 to hold out a fifth of the episodes; got "
                            + heldOutFraction);
        }
    }
}
