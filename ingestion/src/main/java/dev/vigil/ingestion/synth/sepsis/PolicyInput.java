package dev.vigil.ingestion.synth.sepsis;

import java.util.List;

/**
 * What a policy may use to choose the action of bloc {@link #bloc}: the observations of blocs 0..bloc (the
 * last is the current one) and the actions already taken in blocs 0..bloc-1.
 *
 * @param bloc the bloc being decided
 * @param observations shape (bloc + 1), oldest first
 * @param actions shape (bloc), oldest first
 */
public record PolicyInput(int bloc, List<SepsisObservation> observations, List<SepsisAction> actions) {

    public PolicyInput {
        observations = List.copyOf(observations);
        actions = List.copyOf(actions);
        if (observations.size() != bloc + 1 || actions.size() != bloc) {
            throw new IllegalArgumentException("Bloc " + bloc + " needs " + (bloc + 1) + " observations and " + bloc
                    + " actions, got " + observations.size() + " and " + actions.size());
        }
    }

    /** The current bloc's observation. */
    public SepsisObservation current() {
        return observations.get(bloc);
    }

    /** The previous bloc's action, or {@link SepsisAction#NONE} in the first bloc. */
    public SepsisAction previousAction() {
        return actions.isEmpty() ? SepsisAction.NONE : actions.get(actions.size() - 1);
    }
}
