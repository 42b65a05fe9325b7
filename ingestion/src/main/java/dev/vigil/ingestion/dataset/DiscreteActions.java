package dev.vigil.ingestion.dataset;

/**
 * Action ids of one episode.
 *
 * @param ids shape (steps); each in {@code [0, actionType.size)}, checked by the dataset
 */
public record DiscreteActions(int[] ids) implements Actions {

    public DiscreteActions {
        ids = Arrays2.requireNonNegative(ids, "action id");
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
