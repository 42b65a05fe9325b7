package dev.vigil.ingestion.synth.sepsis;

import static dev.vigil.ingestion.synth.sepsis.RandomDraws.clamp;
import static dev.vigil.ingestion.synth.sepsis.RandomDraws.logNormal;
import static dev.vigil.ingestion.synth.sepsis.RandomDraws.normal;
import static dev.vigil.ingestion.synth.sepsis.RandomDraws.uniform;

import java.util.SplittableRandom;

/**
 * Draws a patient (demographics and hidden parameters) and the latent state at the window start, 24 h before
 * onset. The distributions are chosen to be plausible for an adult ICU sepsis population, not fitted to data;
 * they are listed in {@code docs/methods/synthetic-sepsis.md}.
 */
final class PatientSampler {

    private PatientSampler() {
    }

    static PatientParameters samplePatient(SplittableRandom rng) {
        int age = (int) Math.rint(clamp(normal(rng, 64, 15), 18, 95));
        boolean male = rng.nextDouble() < 0.56;
        double weight = male ? normal(rng, 83, 16) : normal(rng, 70, 15);
        weight = Math.rint(clamp(weight, 40, 180) * 10) / 10;
        double baselineMap = clamp(normal(rng, 84, 7), 68, 105);
        double baselineHeartRate = clamp(normal(rng, 80, 10), 55, 110);
        double fluidResponsiveness = clamp(logNormal(rng, 0.9, 0.5), 0.15, 2.5);
        double vasopressorSensitivity = clamp(logNormal(rng, 1.0, 0.3), 0.4, 2.0);
        double reserve = clamp(logNormal(rng, 1.0, 0.25) * (1 - 0.006 * (age - 64)), 0.4, 1.8);
        double overloadThreshold = clamp(normal(rng, 40, 12), 15, 80);
        double growth = clamp(logNormal(rng, 0.15, 0.4), 0.02, 0.6);
        double clearance = clamp(logNormal(rng, 0.25, 0.6), 0.02, 1.0);
        double creatinine = clamp(logNormal(rng, 0.9, 0.3), 0.4, 4);
        double bilirubin = clamp(logNormal(rng, 0.6, 0.4), 0.2, 3);
        double platelets = clamp(normal(rng, 240, 60), 80, 450);
        double wbc = clamp(normal(rng, 8, 2), 3, 15);
        boolean atypical = rng.nextDouble() < 0.15;
        return new PatientParameters(age, male, weight, baselineMap, baselineHeartRate, fluidResponsiveness,
                vasopressorSensitivity, reserve, overloadThreshold, growth, clearance, creatinine, bilirubin,
                platelets, wbc, atypical);
    }

    static LatentState sampleInitialState(PatientParameters patient, SplittableRandom rng) {
        double infection = clamp(logNormal(rng, 0.4, 0.35), 0.15, 2.5);
        double severity = SepsisDynamics.severityTarget(patient, infection) * uniform(rng, 0.5, 1.0);
        double volume = clamp(normal(rng, -0.5, 0.4), -2.5, 0.5);
        double lung = Math.max(0, normal(rng, 0.05, 0.1));
        double kidney = Math.max(0, normal(rng, 0.1, 0.1));
        double liver = Math.max(0, normal(rng, 0.05, 0.08));
        double platelets = patient.baselinePlatelets() * StrictMath.exp(-0.35 * severity);
        double fio2 = Physiology.fio2For(Physiology.pfRatio(severity, lung));
        LatentState provisional = new LatentState(infection, severity, volume, lung, kidney, liver, 1, platelets,
                fio2, 0);
        double map = Physiology.meanArterialPressure(patient, provisional);
        double lactate = SepsisDynamics.lactateTarget(severity, map, volume, 0);
        return new LatentState(infection, severity, volume, lung, kidney, liver, lactate, platelets, fio2, 0);
    }
}
