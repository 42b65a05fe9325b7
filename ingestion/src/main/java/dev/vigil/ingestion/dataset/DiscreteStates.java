package dev.vigil.ingestion.dataset;

/**
 * State ids of one episode.
 *
 * @param ids shape (steps); each in {@code [0, stateType.size)}, checked by the dataset
 */
public record DiscreteStates(int[] ids) implements States {

    public DiscreteStates {
        ids = Arrays2.requireNonNegative(ids, "state id");
    }

    @Override
    public int steps() {
        return ids.length;
    }

    /** The id at step {@code t}. */
    public int id(int t) {
        return ids[t];
    }

    /** A copy of the ids. */
    @Override
    public int[] ids() {
        return ids.clone();
    }
}
