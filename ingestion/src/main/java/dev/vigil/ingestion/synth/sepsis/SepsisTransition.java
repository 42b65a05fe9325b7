package dev.vigil.ingestion.synth.sepsis;

/**
 * The result of one bloc of the true dynamics.
 *
 * @param next the state at the start of the next bloc (not alive when {@code died})
 * @param died whether the patient died during the bloc
 * @param deathProbability the bloc's true death probability given the state and action (for analysis)
 * @param mapDuringBloc the true MAP while the bloc's treatment ran, mm[Hg] (for analysis)
 * @param treated the bloc just treated as it was charted: the state stepped from, except that when
 *     {@code died} its chart holds only what was charted before the death ({@link BlocChart#chartedBefore})
 *     and its observation is aggregated from that
 */
public record SepsisTransition(SepsisState next, boolean died, double deathProbability, double mapDuringBloc,
        SepsisState treated) {

    /**
     * The next bloc's observation vector, in {@link SepsisFeature} order; when died, the death bloc's, aggregated
     * from what was charted before the death (the cohort computes the same from the FHIR output).
     */
    public SepsisObservation observation() {
        return next.observation();
    }
}
