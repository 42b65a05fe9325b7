package dev.vigil.ingestion.dataset;

/**
 * The type of a dataset's states or actions, stated explicitly and never inferred.
 *
 * @param kind continuous vectors or discrete ids
 * @param size for {@link SpaceKind#DISCRETE}: the number of ids (ids are {@code 0..size-1}); 0 for continuous
 */
public record SpaceType(SpaceKind kind, int size) {

    public SpaceType {
        if (kind == null) {
            throw new IllegalArgumentException("A space type needs a kind: CONTINUOUS or DISCRETE");
        }
        if (kind == SpaceKind.CONTINUOUS && size != 0) {
            throw new IllegalArgumentException("A continuous space has no size (its variables are named in the schema);"
                    + " use SpaceType.continuous()");
        }
        if (kind == SpaceKind.DISCRETE && size < 1) {
            throw new IllegalArgumentException("A discrete space needs the number of ids (at least 1), got " + size);
        }
    }

    /** Vectors of named real-valued variables. */
    public static SpaceType continuous() {
        return new SpaceType(SpaceKind.CONTINUOUS, 0);
    }

    /** Ids {@code 0..size-1}. */
    public static SpaceType discrete(int size) {
        return new SpaceType(SpaceKind.DISCRETE, size);
    }

    /** Whether this is {@link SpaceKind#DISCRETE}. */
    public boolean isDiscrete() {
        return kind == SpaceKind.DISCRETE;
    }

    @Override
    public String toString() {
        return isDiscrete() ? "DISCRETE(" + size + ")" : "CONTINUOUS";
    }
}
