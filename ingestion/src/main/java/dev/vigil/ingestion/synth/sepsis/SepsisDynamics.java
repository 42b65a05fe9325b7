package dev.vigil.ingestion.synth.sepsis;

import static dev.vigil.ingestion.synth.sepsis.RandomDraws.clamp;
import static dev.vigil.ingestion.synth.sepsis.RandomDraws.gaussian;

import java.util.SplittableRandom;

/**
 * The true latent dynamics over one 4-hour bloc, the per-bloc death hazard and the 90-day outcome after the
 * window. Equations and constants are in {@code docs/methods/synthetic-sepsis.md} (section "Dynamics"); every
 * constant here appears there.
 *
 * <p>Each call draws a fixed number of random values whatever the action, so that two policies run on the same
 * seed see the same noise (common random numbers) and their difference is the effect of the treatment.
 */
final class SepsisDynamics {

    /** Share of infused crystalloid that stays intravascular within the bloc. */
    static final double FLUID_RETAINED = 0.5;
    /** Volume relaxation toward the optimum per bloc (redistribution, intake, diuresis). */
    static final double VOLUME_PERSISTENCE = 0.9;
    /** Capillary leak per unit severity per bloc, litres. */
    static final double LEAK_PER_SEVERITY = 0.15;
    /** MAP below which the organs are hypoperfused, mm[Hg]. */
    static final double PERFUSION_MAP = 65;
    /** Vasopressor dose above which catecholamine toxicity starts, ug/kg/min. */
    static final double TOXIC_VASOPRESSOR = 0.5;
    /** Fluid per bloc above which a bolus injures the lungs directly, mL. */
    static final double LARGE_BOLUS_ML = 2000;

    private SepsisDynamics() {
    }

    /** The result of advancing one bloc. */
    record Advance(LatentState next, double mapDuringBloc, double deathProbability) {
    }

    /** Severity the infection drives toward: 2 infection / organ reserve. */
    static double severityTarget(PatientParameters patient, double infection) {
        return 2.0 * infection / patient.organReserve();
    }

    /** Lactate the current perfusion drives toward, mmol/L. */
    static double lactateTarget(double severity, double map, double volume, double vasopressor) {
        return 0.9 + 0.8 * severity + 0.06 * Math.max(0, PERFUSION_MAP - map)
                + 0.4 * Math.max(0, -volume - 0.5) + 1.5 * Math.max(0, vasopressor - TOXIC_VASOPRESSOR);
    }

    /**
     * Advances the latent state through bloc {@code bloc} under {@code action}.
     *
     * @param onsetBloc blocs before this one grow the infection; from it on, antibiotics clear it
     * @param cumulativeFluidMl IV fluid since the window start including this bloc's
     * @param cumulativeUrineMl urine since the window start up to this bloc's start
     */
    static Advance advance(PatientParameters patient, LatentState state, int bloc, int onsetBloc, SepsisAction action,
            double cumulativeFluidMl, double cumulativeUrineMl, SplittableRandom rng) {
        double infectionNoise = gaussian(rng);
        double volumeNoise = gaussian(rng);
        double severityNoise = gaussian(rng);
        double lungNoise = gaussian(rng);
        double lactateNoise = gaussian(rng);

        double fluid = action.ivFluidMl();
        double dose = action.vasopressor();
        double severity = state.severity();

        double volume = VOLUME_PERSISTENCE * state.volume() + FLUID_RETAINED * fluid / 1000
                - LEAK_PER_SEVERITY * severity + 0.05 * volumeNoise;
        volume = clamp(volume, -5, 5);
        double mapDuring = Physiology.meanArterialPressure(patient, severity, volume, dose);
        double hypoperfusion = Math.max(0, PERFUSION_MAP - mapDuring);

        double rate = bloc < onsetBloc ? patient.infectionGrowth() : -patient.antibioticClearance();
        double infection = clamp(state.infection() * StrictMath.exp(rate * (1 + 0.2 * infectionNoise)), 0.01, 5);

        double netBalancePerKg = (cumulativeFluidMl - cumulativeUrineMl) / patient.weightKg();
        double excessFluid = Math.max(0, netBalancePerKg - patient.overloadThresholdMlPerKg());
        double lungTarget = 0.35 * Math.max(0, severity - 1) + 0.03 * excessFluid + 0.6 * Math.max(0, volume - 1);
        double lung = 0.7 * state.lungInjury() + 0.3 * lungTarget
                + 0.0002 * Math.max(0, fluid - LARGE_BOLUS_ML) + 0.03 * lungNoise;
        lung = clamp(lung, 0, 6);

        double nextSeverity = severity + 0.35 * (severityTarget(patient, infection) - severity)
                + 0.03 * hypoperfusion + 0.005 * excessFluid
                + 0.5 * Math.max(0, dose - TOXIC_VASOPRESSOR) + 0.08 * severityNoise;
        nextSeverity = clamp(nextSeverity, 0, 8);

        double reserve = patient.organReserve();
        double kidney = 0.85 * state.kidneyInjury() + 0.12 * Math.max(0, nextSeverity - 0.5) / reserve
                + 0.015 * hypoperfusion + 0.1 * Math.max(0, -volume - 1);
        double liver = 0.9 * state.liverInjury() + 0.05 * Math.max(0, nextSeverity - 0.5) / reserve
                + 0.008 * hypoperfusion;
        double lactateGoal = lactateTarget(nextSeverity, mapDuring, volume, dose);
        double lactate = clamp((lactateGoal + (state.lactate() - lactateGoal) * 0.4)
                * StrictMath.exp(0.05 * lactateNoise), 0.3, 25);
        double platelets = state.platelets()
                + 0.3 * (patient.baselinePlatelets() * StrictMath.exp(-0.35 * nextSeverity) - state.platelets());
        double fio2 = Physiology.fio2For(Physiology.pfRatio(severity, state.lungInjury()));

        LatentState next = new LatentState(infection, nextSeverity, volume, lung, kidney, liver, lactate,
                clamp(platelets, 5, 1000), fio2, dose);
        double hazard = StrictMath.exp(-7.8 + 1.1 * nextSeverity + 0.04 * hypoperfusion + 0.6 * lung
                - 1.2 * (reserve - 1) + 0.02 * (patient.ageYears() - 64)
                + 0.5 * Math.max(0, dose - TOXIC_VASOPRESSOR));
        return new Advance(next, mapDuring, 1 - StrictMath.exp(-hazard));
    }

    /** Probability of death between the window end and 90 days after onset, given survival of the window. */
    static double lateDeathProbability(PatientParameters patient, LatentState state) {
        double logit = -3.3 + 1.0 * state.severity() + 0.5 * state.kidneyInjury() + 0.5 * state.lungInjury()
                + 0.03 * (patient.ageYears() - 64) - 1.0 * (patient.organReserve() - 1);
        return 1 / (1 + StrictMath.exp(-logit));
    }
}
