package dev.vigil.ingestion.synth.sepsis;

/**
 * A simulated patient at the start of a bloc: the hidden truth ({@link #patient}, {@link #latent}) and what is
 * charted during the bloc ({@link #chart}, aggregated into {@link #observation}).
 *
 * <p>Timing convention: the bloc's chart is generated from the latent state at the bloc's start, before the
 * bloc's treatment takes effect. So the observation of bloc t is everything a decision for bloc t can use,
 * and a policy learned on the cohort's rows (features of bloc t -> action of bloc t) sees here exactly what it
 * saw in the data.
 *
 * @param bloc 0-based bloc in the window (onset is the start of bloc {@link SepsisSimulator#ONSET_BLOC});
 *     {@link SepsisSimulator#BLOCS} for the state after the window's last bloc
 * @param patient fixed parameters (demographics and hidden)
 * @param latent the true physiology at the bloc's start
 * @param fluidInputCumMl IV fluid given in the blocs before this one, mL
 * @param urineOutputCumMl urine since the window start, this bloc's included, mL
 * @param nextLabMinute minutes since the window start when the next laboratory panel is due
 * @param chart what is charted during this bloc (empty for a patient who died; for the bloc of death, as the
 *     episode records it, only what was charted before the death: {@link BlocChart#chartedBefore})
 * @param observation the bloc's observation vector, aggregated from {@link #chart}; for a patient who died, the
 *     death bloc's (aggregated from what was charted before the death)
 * @param alive false once the patient has died
 * @param deathMinute minutes since the window start of a death within the window, or -1
 * @param previousObservation the previous bloc's observation vector, from which features not charted in this
 *     bloc are carried (and urine_output_cum continues); null in bloc 0
 */
public record SepsisState(
        int bloc,
        PatientParameters patient,
        LatentState latent,
        double fluidInputCumMl,
        double urineOutputCumMl,
        int nextLabMinute,
        BlocChart chart,
        SepsisObservation observation,
        boolean alive,
        int deathMinute,
        SepsisObservation previousObservation) {

    public SepsisState {
        if (bloc < 0 || bloc > SepsisSimulator.BLOCS) {
            throw new IllegalArgumentException("Bloc must be 0.." + SepsisSimulator.BLOCS + ", got " + bloc);
        }
        if (patient == null || latent == null || chart == null || observation == null) {
            throw new IllegalArgumentException("A state needs its patient, latent state, chart and observation");
        }
        if (bloc > 0 && previousObservation == null) {
            throw new IllegalArgumentException("A state after bloc 0 needs the previous bloc's observation");
        }
    }
}
