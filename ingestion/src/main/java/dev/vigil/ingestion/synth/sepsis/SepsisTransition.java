package dev.vigil.ingestion.synth.sepsis;

/**
 * The result of one bloc of the true dynamics.
 *
 * @param next the state at the start of the next bloc (not alive when {@code died})
 * @param died whether the patient died during the bloc
 * @param deathProbability the bloc's true death probability given the state and action (for analysis)
 * @param mapDuringBloc the true MAP while the bloc's treatment ran, mm[Hg] (for analysis)
 */
public record SepsisTransition(SepsisState next, boolean died, double deathProbability, double mapDuringBloc) {

    /** The next bloc's observation vector, in {@link SepsisFeature} order (when died: the last one charted). */
    public SepsisObservation observation() {
        return next.observation();
    }
}
