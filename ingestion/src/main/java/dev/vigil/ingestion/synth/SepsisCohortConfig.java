package dev.vigil.ingestion.synth;

import dev.vigil.ingestion.synth.sepsis.ClinicianPolicyConfig;

/**
 * What determines a synthetic ICU sepsis cohort: the same config gives the same bytes.
 *
 * @param patients number of patients, 1..{@value #MAX_PATIENTS}
 * @param seed root seed; patient k's data come from the k-th {@code split()} of {@code new SplittableRandom(seed)}
 * @param unsafeRate the simulated clinician's rate of unsafe choices per decision, 0..1 (default 0.10)
 * @param onsetYear onsets are spread uniformly over this UTC calendar year (default 2024)
 */
public record SepsisCohortConfig(int patients, long seed, double unsafeRate, int onsetYear) {

    public static final int MAX_PATIENTS = 10_000_000;
    public static final int DEFAULT_ONSET_YEAR = 2024;

    public SepsisCohortConfig {
        if (patients < 1 || patients > MAX_PATIENTS) {
            throw new IllegalArgumentException("--patients must be 1.." + MAX_PATIENTS + ", got " + patients);
        }
        if (!(unsafeRate >= 0 && unsafeRate <= 1)) {
            throw new IllegalArgumentException("The unsafe rate is a probability per decision: use 0..1 (0.1 = 10 %),"
                    + " got " + unsafeRate);
        }
        if (onsetYear < 1900 || onsetYear > 2100) {
            throw new IllegalArgumentException("onsetYear must be 1900..2100 (default " + DEFAULT_ONSET_YEAR + "), got "
                    + onsetYear);
        }
    }

    /** The defaults: 10 % unsafe choices, onsets over 2024. */
    public static SepsisCohortConfig of(int patients, long seed) {
        return new SepsisCohortConfig(patients, seed, ClinicianPolicyConfig.DEFAULT_UNSAFE_RATE, DEFAULT_ONSET_YEAR);
    }

    /** The clinician that treats the cohort: this unsafe rate, default ceilings and MAP target. */
    public ClinicianPolicyConfig clinician() {
        return ClinicianPolicyConfig.withUnsafeRate(unsafeRate);
    }
}
