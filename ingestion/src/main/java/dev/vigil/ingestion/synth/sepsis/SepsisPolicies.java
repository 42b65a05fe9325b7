package dev.vigil.ingestion.synth.sepsis;

/** Reference policies for comparisons on the simulator. */
public final class SepsisPolicies {

    private SepsisPolicies() {
    }

    /** Never treats. */
    public static SepsisPolicy noTreatment() {
        return (input, rng) -> SepsisAction.NONE;
    }

    /** Uniform fluid in [0, maxFluidMl] and vasopressor in [0, maxVasopressor], independently each bloc. */
    public static SepsisPolicy uniformRandom(double maxFluidMl, double maxVasopressor) {
        new SepsisAction(maxFluidMl, maxVasopressor); // validates the bounds
        return (input, rng) -> new SepsisAction(rng.nextDouble() * maxFluidMl, rng.nextDouble() * maxVasopressor);
    }

    /** The documented clinician with the given rate of unsafe choices and the default ceilings. */
    public static ClinicianPolicy clinician(double unsafeRate) {
        return new ClinicianPolicy(ClinicianPolicyConfig.withUnsafeRate(unsafeRate));
    }
}
