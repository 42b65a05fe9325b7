package dev.vigil.ingestion.synth.truth;

/**
 * The generator settings recorded in a ground-truth file (everything that determines its content).
 *
 * @param patients cohort size
 * @param seed root seed
 * @param unsafeRate the clinician's rate of unsafe choices per decision
 * @param fluidCeilingMl fluid per bloc above which a decision is unsafe, mL
 * @param vasopressorCeiling vasopressor dose above which a decision is unsafe, ug/kg/min
 * @param mapTarget the clinician's MAP target, mm[Hg]
 * @param onsetYear onsets are spread uniformly over this UTC year
 */
public record GroundTruthConfig(int patients, long seed, double unsafeRate, double fluidCeilingMl,
        double vasopressorCeiling, double mapTarget, int onsetYear) {
}
