package dev.vigil.ingestion.synth.truth;

import dev.vigil.ingestion.synth.sepsis.LatentState;
import dev.vigil.ingestion.synth.sepsis.UnsafeChoice;

/**
 * One treated bloc of a patient's ground truth.
 *
 * @param bloc 0-based bloc in the window
 * @param start the bloc's start, FHIR dateTime (UTC)
 * @param latent the true state at the bloc's start
 * @param observation the bloc's observation vector in the header's feature order (what the cohort computes)
 * @param ivFluidMl the fluid given in the bloc, mL
 * @param vasopressor the vasopressor dose in the bloc, ug/kg/min norepinephrine equivalent
 * @param vasopressorAgent the drug the dose was charted as (lower-case name)
 * @param unsafeChoice NONE, or the kind of unsafe choice the clinician made
 * @param deathProbability the true probability of death in the bloc given state and action
 * @param reward the bloc's step reward (SepsisReward; the death padding in the bloc of death)
 */
public record GroundTruthBloc(int bloc, String start, LatentState latent, double[] observation, double ivFluidMl,
        double vasopressor, String vasopressorAgent, UnsafeChoice unsafeChoice, double deathProbability,
        double reward) {
}
