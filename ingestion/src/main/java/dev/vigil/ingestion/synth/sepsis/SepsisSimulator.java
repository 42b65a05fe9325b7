package dev.vigil.ingestion.synth.sepsis;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The true dynamics of the synthetic ICU sepsis patient: the public API that ground-truth evaluations
 * (issue 4) and the cohort generator share.
 *
 * <p>A window is {@link #BLOCS} blocs of {@link #BLOC_HOURS} hours, from 24 h before to 48 h after onset; onset
 * is the start of bloc {@link #ONSET_BLOC}. Antibiotics (not an action) start at onset: before it the
 * infection grows, after it it is cleared at a patient-specific rate. Treatment can be given in every bloc.
 *
 * <p>Use: {@code state = reset(rng)}, then for each bloc choose an action from {@code state.observation()} and
 * call {@code step(state, action, rng)} until it reports death or {@code state.bloc() == BLOCS}; then
 * {@link #longTermOutcome} draws death within 90 days of onset. The same {@link SplittableRandom} state gives
 * the same result: the simulator itself holds no state and is thread-safe.
 */
public final class SepsisSimulator {

    /** Blocs in the window: 24 h before to 48 h after onset. */
    public static final int BLOCS = 18;
    /** Hours per bloc. */
    public static final int BLOC_HOURS = 4;
    /** The bloc that starts at onset. */
    public static final int ONSET_BLOC = 6;
    /** Minutes from the window start to onset. */
    public static final int ONSET_MINUTE = ONSET_BLOC * BLOC_HOURS * 60;
    /** Minutes from the window start to its end. */
    public static final int WINDOW_MINUTES = BLOCS * BLOC_HOURS * 60;
    /** Minutes from the window start to 90 days after onset: the outcome horizon. */
    public static final int OUTCOME_MINUTE = ONSET_MINUTE + 90 * 24 * 60;
    /** Version of the model's equations and constants; recorded in every ground-truth file. */
    public static final String MODEL_VERSION = "vigil-sepsis-sim-1";

    /** A new patient at the window start (bloc 0), with bloc 0 charted. */
    public SepsisState reset(SplittableRandom rng) {
        PatientParameters patient = PatientSampler.samplePatient(rng);
        LatentState latent = PatientSampler.sampleInitialState(patient, rng);
        int firstLab = BlocCharter.firstLabMinute(rng);
        BlocCharter.Charted charted = BlocCharter.chart(patient, latent, 0, firstLab, rng);
        SepsisObservation observation = ObservationAggregator.aggregate(patient, charted.chart(), null, 0, 0);
        return new SepsisState(0, patient, latent, 0, observation.get(SepsisFeature.URINE_OUTPUT_CUM),
                charted.nextLabMinute(), charted.chart(), observation, true, -1, null);
    }

    /**
     * Advances one bloc under {@code action}: the fluids and vasopressor act during the bloc, the patient may
     * die in it, and the next bloc is charted.
     *
     * @throws IllegalArgumentException if the patient is dead or the window is over
     */
    public SepsisTransition step(SepsisState state, SepsisAction action, SplittableRandom rng) {
        if (!state.alive()) {
            throw new IllegalArgumentException("The patient died in bloc " + (state.deathMinute() / 240)
                    + "; an episode ends at death: stop stepping when SepsisTransition.died() is true");
        }
        if (state.bloc() >= BLOCS) {
            throw new IllegalArgumentException("The window has " + BLOCS + " blocs and this state is its end;"
                    + " call longTermOutcome(state, rng) for the 90-day outcome instead of stepping");
        }
        PatientParameters patient = state.patient();
        double cumulativeFluid = state.fluidInputCumMl() + action.ivFluidMl();
        SepsisDynamics.Advance advance = SepsisDynamics.advance(patient, state.latent(), state.bloc(), ONSET_BLOC,
                action, cumulativeFluid, state.urineOutputCumMl(), rng);
        boolean died = rng.nextDouble() < advance.deathProbability();
        int deathMinute = state.bloc() * 240 + rng.nextInt(240);
        int nextBloc = state.bloc() + 1;
        BlocCharter.Charted charted = BlocCharter.chart(patient, advance.next(), nextBloc, state.nextLabMinute(), rng);
        SepsisState next;
        SepsisState treated = state;
        if (died) {
            treated = chartedUntilDeath(state, deathMinute);
            next = new SepsisState(nextBloc, patient, advance.next(), cumulativeFluid, treated.urineOutputCumMl(),
                    state.nextLabMinute(), new BlocChart(nextBloc, List.of()), treated.observation(), false,
                    deathMinute, treated.observation());
        } else {
            SepsisObservation observation = ObservationAggregator.aggregate(patient, charted.chart(),
                    state.observation(), cumulativeFluid, state.urineOutputCumMl());
            next = new SepsisState(nextBloc, patient, advance.next(), cumulativeFluid,
                    observation.get(SepsisFeature.URINE_OUTPUT_CUM), charted.nextLabMinute(), charted.chart(),
                    observation, true, -1, state.observation());
        }
        return new SepsisTransition(next, died, advance.deathProbability(), advance.mapDuringBloc(), treated);
    }

    /**
     * The bloc of death as it was charted: only what precedes the death ({@link BlocChart#chartedBefore}),
     * aggregated exactly like any bloc (same carry from the previous bloc, same cumulative totals before it).
     */
    private static SepsisState chartedUntilDeath(SepsisState state, int deathMinute) {
        BlocChart chart = state.chart().chartedBefore(deathMinute);
        SepsisObservation previous = state.previousObservation();
        double urineBefore = previous == null ? 0 : previous.get(SepsisFeature.URINE_OUTPUT_CUM);
        SepsisObservation observation = ObservationAggregator.aggregate(state.patient(), chart, previous,
                state.fluidInputCumMl(), urineBefore, true);
        return new SepsisState(state.bloc(), state.patient(), state.latent(), state.fluidInputCumMl(),
                observation.get(SepsisFeature.URINE_OUTPUT_CUM), state.nextLabMinute(), chart, observation,
                state.alive(), state.deathMinute(), previous);
    }

    /**
     * Death within 90 days of onset: a patient who died in the window keeps that death; a patient alive at
     * {@code state} dies later with a probability rising with the severity and organ injury left at that
     * point, at a time drawn from an exponential with mean 10 days after it (truncated at 90 days after onset).
     * Intended for the state at the window's end; an earlier state (a shorter evaluation horizon) is treated
     * the same way.
     */
    public LongTermOutcome longTermOutcome(SepsisState state, SplittableRandom rng) {
        double u = rng.nextDouble();
        double wait = -StrictMath.log(1.0 - rng.nextDouble()) * 10 * 24 * 60;
        if (!state.alive()) {
            return new LongTermOutcome(true, state.deathMinute(), 0);
        }
        double probability = SepsisDynamics.lateDeathProbability(state.patient(), state.latent());
        if (u >= probability) {
            return new LongTermOutcome(false, -1, probability);
        }
        int from = state.bloc() * 240;
        int minute = (int) Math.min(from + wait, OUTCOME_MINUTE - 1);
        return new LongTermOutcome(true, Math.max(minute, from), probability);
    }
}
