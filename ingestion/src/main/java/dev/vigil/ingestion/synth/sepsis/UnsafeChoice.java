package dev.vigil.ingestion.synth.sepsis;

/**
 * The kinds of unsafe decision the simulated clinician makes at a known rate (see {@link ClinicianPolicy}).
 * Each replaces the rule's own, safe, decision for one bloc.
 */
public enum UnsafeChoice {
    /** The rule's decision was kept. */
    NONE,
    /** Vasopressor withheld although MAP < 65 mm[Hg] and the rule prescribed one. */
    WITHHELD_VASOPRESSOR,
    /** IV fluid above the per-bloc ceiling (default 2000 mL). */
    FLUID_ABOVE_CEILING,
    /** Vasopressor above the dose ceiling (default 0.5 ug/kg/min). */
    VASOPRESSOR_ABOVE_CEILING;

    public boolean isUnsafe() {
        return this != NONE;
    }
}
