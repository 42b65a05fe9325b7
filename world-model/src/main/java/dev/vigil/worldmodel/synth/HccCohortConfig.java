package dev.vigil.worldmodel.synth;

/**
 * What determines a synthetic HCC cohort: the same config gives the same bytes.
 *
 * @param patients number of patients, 1..{@value #MAX_PATIENTS}
 * @param seed root seed; patient k's data come from the k-th {@code split()} of {@code new SplittableRandom(seed)}
 * @param cropSize edge of the cubic CT crop in voxels, 16..256 (default {@value #DEFAULT_CROP_SIZE})
 * @param heldOutFraction probability that a patient is flagged held out (test set), 0..1 (default 0.2)
 */
public record HccCohortConfig(int patients, long seed, int cropSize, double heldOutFraction) {

    public static final int MAX_PATIENTS = 100_000;
    public static final int DEFAULT_CROP_SIZE = 64;
    public static final double DEFAULT_HELD_OUT_FRACTION = 0.2;

    public HccCohortConfig {
        if (patients < 1 || patients > MAX_PATIENTS) {
            throw new IllegalArgumentException("patients must be 1.." + MAX_PATIENTS + ", got " + patients);
        }
        if (cropSize < 16 || cropSize > 256) {
            throw new IllegalArgumentException("cropSize must be 16..256 voxels (default " + DEFAULT_CROP_SIZE
                    + "), got " + cropSize);
        }
        if (!(heldOutFraction >= 0 && heldOutFraction <= 1)) {
            throw new IllegalArgumentException("heldOutFraction is a probability 0..1 (0.2 = 20 % held out), got "
                    + heldOutFraction);
        }
    }

    /** Defaults: 64^3 crops, 20 % held out. */
    public static HccCohortConfig of(int patients, long seed) {
        return new HccCohortConfig(patients, seed, DEFAULT_CROP_SIZE, DEFAULT_HELD_OUT_FRACTION);
    }
}
