package dev.vigil.ingestion.synth.sepsis;

/**
 * What is fixed about one simulated patient for the whole window: demographics (observable) and the hidden
 * parameters that make the best treatment differ between patients. Drawn by {@link PatientSampler}; the
 * distributions are in {@code docs/methods/synthetic-sepsis.md}.
 *
 * @param ageYears whole years at onset (observable)
 * @param male gender (observable; the cohort codes male = 1)
 * @param weightKg admission weight, charted once (observable)
 * @param baselineMap mean arterial pressure when well, mm[Hg]
 * @param baselineHeartRate heart rate when well, /min
 * @param fluidResponsiveness phi: how much intravascular volume raises MAP (preload responsiveness); low values
 *     make fluids useless for blood pressure while still counting toward overload
 * @param vasopressorSensitivity psi: multiplies the MAP response to vasopressors
 * @param organReserve rho: resilience; severity is driven by infection / rho, death hazard falls with rho
 * @param overloadThresholdMlPerKg net fluid balance (IV fluid minus urine since the window start, mL/kg) beyond
 *     which fluid harms the lungs and organs
 * @param infectionGrowth pre-onset growth of the infection burden per bloc (log scale)
 * @param antibioticClearance post-onset decay of the infection burden per bloc (log scale): antibiotics are
 *     assumed started at onset and are not an action
 * @param baselineCreatinine mg/dL
 * @param baselineBilirubin mg/dL
 * @param baselinePlatelets 10*3/uL
 * @param baselineWbc 10*3/uL
 * @param atypicalResponse hypothermia and leukopenia instead of fever and leukocytosis
 */
public record PatientParameters(
        int ageYears,
        boolean male,
        double weightKg,
        double baselineMap,
        double baselineHeartRate,
        double fluidResponsiveness,
        double vasopressorSensitivity,
        double organReserve,
        double overloadThresholdMlPerKg,
        double infectionGrowth,
        double antibioticClearance,
        double baselineCreatinine,
        double baselineBilirubin,
        double baselinePlatelets,
        double baselineWbc,
        boolean atypicalResponse) {

    public PatientParameters {
        if (ageYears < 0 || ageYears > 130) {
            throw new IllegalArgumentException("Age must be 0..130 years, got " + ageYears);
        }
        if (!(weightKg >= 1 && weightKg <= 400)) {
            throw new IllegalArgumentException("Weight must be 1..400 kg (the cohort's plausible range), got "
                    + weightKg);
        }
        requirePositive("fluidResponsiveness", fluidResponsiveness);
        requirePositive("vasopressorSensitivity", vasopressorSensitivity);
        requirePositive("organReserve", organReserve);
        requirePositive("overloadThresholdMlPerKg", overloadThresholdMlPerKg);
        requirePositive("baselineCreatinine", baselineCreatinine);
        requirePositive("baselineBilirubin", baselineBilirubin);
        requirePositive("baselinePlatelets", baselinePlatelets);
        requirePositive("baselineWbc", baselineWbc);
        requirePositive("baselineMap", baselineMap);
        requirePositive("baselineHeartRate", baselineHeartRate);
        if (!Double.isFinite(infectionGrowth) || !Double.isFinite(antibioticClearance) || antibioticClearance < 0) {
            throw new IllegalArgumentException("infectionGrowth must be finite and antibioticClearance finite and"
                    + " >= 0, got " + infectionGrowth + " and " + antibioticClearance);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }
}
