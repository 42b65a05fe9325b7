package dev.vigil.ingestion.synth.sepsis;

/**
 * Settings of the simulated clinician ({@link ClinicianPolicy}).
 *
 * @param unsafeRate probability that a decision is replaced by an unsafe one, 0..1 (default 0.10)
 * @param fluidCeilingMl IV fluid per bloc above which a decision is unsafe, mL (default 2000)
 * @param vasopressorCeiling vasopressor dose above which a decision is unsafe, ug/kg/min (default 0.5)
 * @param mapTarget MAP below which vasopressors are due once fluids have been tried, mm[Hg] (default 65)
 */
public record ClinicianPolicyConfig(double unsafeRate, double fluidCeilingMl, double vasopressorCeiling,
        double mapTarget) {

    public static final double DEFAULT_UNSAFE_RATE = 0.10;

    public ClinicianPolicyConfig {
        if (!(unsafeRate >= 0 && unsafeRate <= 1)) {
            throw new IllegalArgumentException("unsafeRate is a probability per decision: use a value in 0..1 (e.g."
                    + " 0.1 for 10 %), got " + unsafeRate);
        }
        if (!(fluidCeilingMl >= 500 && fluidCeilingMl <= 10000)) {
            throw new IllegalArgumentException("fluidCeilingMl must be 500..10000 mL per 4-hour bloc (default 2000),"
                    + " got " + fluidCeilingMl);
        }
        if (!(vasopressorCeiling >= 0.1 && vasopressorCeiling <= 5)) {
            throw new IllegalArgumentException("vasopressorCeiling must be 0.1..5 ug/kg/min (default 0.5), got "
                    + vasopressorCeiling);
        }
        if (!(mapTarget >= 40 && mapTarget <= 100)) {
            throw new IllegalArgumentException("mapTarget must be 40..100 mm[Hg] (default 65), got " + mapTarget);
        }
    }

    /** The defaults: 10 % unsafe, 2000 mL, 0.5 ug/kg/min, MAP 65. */
    public static ClinicianPolicyConfig defaults() {
        return withUnsafeRate(DEFAULT_UNSAFE_RATE);
    }

    /** The default ceilings and target with another unsafe rate. */
    public static ClinicianPolicyConfig withUnsafeRate(double unsafeRate) {
        return new ClinicianPolicyConfig(unsafeRate, 2000, 0.5, 65);
    }
}
