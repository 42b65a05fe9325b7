package dev.vigil.ingestion.synth.sepsis;

/**
 * One bloc's treatment, in the units of the {@code icu-sepsis} cohort's actions.
 *
 * @param ivFluidMl crystalloid given over the 4-hour bloc, mL
 * @param vasopressor the vasopressor infusion rate held through the bloc, ug/kg/min norepinephrine equivalent
 */
public record SepsisAction(double ivFluidMl, double vasopressor) {

    /** No fluid, no vasopressor. */
    public static final SepsisAction NONE = new SepsisAction(0, 0);

    public SepsisAction {
        if (!Double.isFinite(ivFluidMl) || ivFluidMl < 0) {
            throw new IllegalArgumentException("IV fluid must be a finite volume >= 0 mL per bloc, got " + ivFluidMl
                    + "; clamp the policy's output before returning it");
        }
        if (!Double.isFinite(vasopressor) || vasopressor < 0) {
            throw new IllegalArgumentException("Vasopressor must be a finite rate >= 0 ug/kg/min, got " + vasopressor
                    + "; clamp the policy's output before returning it");
        }
    }
}
