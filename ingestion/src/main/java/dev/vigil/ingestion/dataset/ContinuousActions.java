package dev.vigil.ingestion.dataset;

/**
 * Action vectors of one episode; 0 where nothing was given.
 *
 * @param values shape (steps, actions); finite
 */
public record ContinuousActions(double[][] values) implements Actions {

    public ContinuousActions {
        if (values == null) {
            throw new IllegalArgumentException("Continuous actions need values");
        }
        values = Arrays2.copy(values);
        int width = values.length == 0 ? 0 : values[0].length;
        for (int t = 0; t < values.length; t++) {
            if (values[t].length != width) {
                throw new IllegalArgumentException("Step " + t + " has " + values[t].length + " action values, step 0 "
                        + "has " + width);
            }
            for (int a = 0; a < width; a++) {
                if (!Double.isFinite(values[t][a])) {
                    throw new IllegalArgumentException("Step " + t + ", action " + a + " is not finite; an action "
                            + "not given is 0");
                }
            }
        }
    }

    @Override
    public int steps() {
        return values.length;
    }

    /** Number of actions. */
    public int width() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The value of action {@code a} at step {@code t} (no copy). */
    public double value(int t, int a) {
        return values[t][a];
    }

    /** A copy of all values, shape (steps, actions). */
    @Override
    public double[][] values() {
        return Arrays2.copy(values);
    }
}
