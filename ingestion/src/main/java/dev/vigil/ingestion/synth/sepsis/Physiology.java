package dev.vigil.ingestion.synth.sepsis;

import static dev.vigil.ingestion.synth.sepsis.RandomDraws.clamp;

/**
 * The true values of the observable quantities as functions of the latent state: shared by the dynamics
 * (which needs the MAP during a bloc) and the charting (which adds measurement noise). Every formula is
 * listed in {@code docs/methods/synthetic-sepsis.md}; keep the two in step.
 */
final class Physiology {

    /** Half-effect dose of the vasopressor MAP response (Emax model), ug/kg/min. */
    static final double VASOPRESSOR_EC50 = 0.25;
    /** Maximum MAP gain from vasopressors at sensitivity 1, mm[Hg]. */
    static final double VASOPRESSOR_EMAX = 30;
    /** MAP change per unit of tanh(volume / 1.2 L) at fluid responsiveness 1, mm[Hg]. */
    static final double VOLUME_MAP_GAIN = 18;
    /** MAP lost per unit of severity (vasodilation), mm[Hg]. */
    static final double SEVERITY_MAP_LOSS = 7;

    private Physiology() {
    }

    /** True mean arterial pressure, mm[Hg]: vasodilation lowers it; volume and vasopressors raise it, saturating. */
    static double meanArterialPressure(PatientParameters patient, double severity, double volume, double vasopressor) {
        double fromVolume = VOLUME_MAP_GAIN * patient.fluidResponsiveness() * StrictMath.tanh(volume / 1.2);
        double fromVasopressor = patient.vasopressorSensitivity() * VASOPRESSOR_EMAX * vasopressor
                / (vasopressor + VASOPRESSOR_EC50);
        return clamp(patient.baselineMap() - SEVERITY_MAP_LOSS * severity + fromVolume + fromVasopressor, 20, 160);
    }

    static double meanArterialPressure(PatientParameters patient, LatentState state) {
        return meanArterialPressure(patient, state.severity(), state.volume(), state.vasopressor());
    }

    /** Systolic minus diastolic, mm[Hg]: narrows with hypovolaemia and severity. */
    static double pulsePressure(LatentState state) {
        return clamp(42 + 6 * StrictMath.tanh(state.volume()) - 3 * state.severity(), 15, 80);
    }

    /** Core temperature, Cel: fever with infection, or hypothermia for an atypical responder. */
    static double temperature(PatientParameters patient, LatentState state) {
        double response = StrictMath.tanh(state.infection());
        return patient.atypicalResponse() ? 36.8 - 1.0 * response : 36.8 + 1.4 * response;
    }

    /** Heart rate, /min: severity, hypovolaemia, catecholamines and fever raise it. */
    static double heartRate(PatientParameters patient, LatentState state) {
        return clamp(patient.baselineHeartRate() + 10 * state.severity() + 8 * Math.max(0, -state.volume())
                + 25 * Math.min(state.vasopressor(), 1.0) + 8 * (temperature(patient, state) - 37), 30, 220);
    }

    static double respiratoryRate(LatentState state) {
        return clamp(14 + 3 * state.severity() + 5 * state.lungInjury(), 6, 60);
    }

    /** True PaO2/FiO2, mm[Hg]: falls with lung injury and severity. */
    static double pfRatio(double severity, double lungInjury) {
        return clamp(470 * StrictMath.exp(-0.55 * lungInjury - 0.15 * severity), 40, 550);
    }

    /**
     * The FiO2 the bedside team sets for the next bloc from this bloc's oxygenation, %: deliberately partial
     * titration, so that a patient whose lungs worsen within a bloc desaturates.
     */
    static double fio2For(double pfRatio) {
        return clamp(Math.rint(21 + 0.15 * (400 - pfRatio)), 21, 100);
    }

    static double arterialOxygen(LatentState state) {
        return pfRatio(state.severity(), state.lungInjury()) * state.fio2() / 100;
    }

    /** SpO2 from PaO2 by Severinghaus's oxygen-haemoglobin dissociation curve, %. */
    static double saturation(double pao2) {
        double cube = pao2 * pao2 * pao2;
        return 100.0 / (1.0 + 23400.0 / (cube + 150.0 * pao2));
    }

    /** Glasgow coma score before rounding: encephalopathy with severity and with low MAP. */
    static double glasgowComaScore(LatentState state, double map) {
        return clamp(15 - 2.2 * Math.max(0, state.severity() - 0.8) - 0.1 * Math.max(0, 60 - map), 3, 15);
    }

    static double creatinine(PatientParameters patient, LatentState state) {
        return patient.baselineCreatinine() * (1 + state.kidneyInjury());
    }

    static double bilirubin(PatientParameters patient, LatentState state) {
        return patient.baselineBilirubin() * (1 + 1.5 * state.liverInjury());
    }

    static double whiteCells(PatientParameters patient, LatentState state) {
        double infection = state.infection();
        return patient.atypicalResponse()
                ? patient.baselineWbc() * (1 - 0.45 * StrictMath.tanh(infection))
                : patient.baselineWbc() * (1 + 0.6 * infection);
    }

    /** Urine per hour, mL: falls with MAP below about 75 (none below 50), with kidney injury and hypovolaemia. */
    static double urinePerHour(PatientParameters patient, LatentState state, double map) {
        double perfusion = clamp((map - 50) / 25, 0.03, 1.3);
        double volume = clamp(1 + 0.3 * state.volume(), 0.4, 1.2);
        return patient.weightKg() * 0.9 * perfusion * volume / (1 + 1.5 * state.kidneyInjury());
    }
}
