package dev.vigil.worldmodel.synth;

/**
 * The random numbers the simulated clinician uses for one patient, drawn with the patient.
 *
 * @param observedEnhancement the enhancement index as the clinician reads it off the CT (true + N(0, 0.15))
 * @param deviation uniform 0..1; below {@link ClinicianModel#DEVIATION_RATE} the clinician departs from the rules
 * @param randomProtocol uniform index into the valid protocols, used when departing
 */
public record ClinicianDraws(double observedEnhancement, double deviation, int randomProtocol) {
}
