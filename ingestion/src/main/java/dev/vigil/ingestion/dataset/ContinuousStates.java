package dev.vigil.ingestion.dataset;

/**
 * Feature vectors of one episode.
 *
 * <p>{@code missing[t][f]} is true when feature {@code f} was not measured during step {@code t}: the value is
 * then either carried forward from an earlier measurement (sample-and-hold) or, when none is recent enough,
 * NaN. A NaN value is always flagged missing.
 *
 * @param values shape (steps, features); finite or NaN
 * @param missing shape (steps, features)
 */
public record ContinuousStates(double[][] values, boolean[][] missing) implements States {

    public ContinuousStates {
        if (values == null || missing == null || values.length != missing.length) {
            throw new IllegalArgumentException("Continuous states need values and missing flags of the same length");
        }
        values = Arrays2.copy(values);
        missing = Arrays2.copy(missing);
        int width = values.length == 0 ? 0 : values[0].length;
        for (int t = 0; t < values.length; t++) {
            if (values[t].length != width || missing[t].length != width) {
                throw new IllegalArgumentException("Step " + t + " has " + values[t].length + " values and "
                        + missing[t].length + " missing flags, step 0 has " + width + ": every step needs one of each "
                        + "per feature");
            }
            for (int f = 0; f < width; f++) {
                double value = values[t][f];
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("Step " + t + ", feature " + f + " is infinite; use NaN and a "
                            + "missing flag for an unknown value");
                }
                if (Double.isNaN(value) && !missing[t][f]) {
                    throw new IllegalArgumentException("Step " + t + ", feature " + f + " is NaN but not flagged "
                            + "missing; set its missing flag");
                }
            }
        }
    }

    @Override
    public int steps() {
        return values.length;
    }

    /** Number of features. */
    public int width() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The value of feature {@code f} at step {@code t} (no copy). */
    public double value(int t, int f) {
        return values[t][f];
    }

    /** Whether feature {@code f} was unmeasured at step {@code t}. */
    public boolean isMissing(int t, int f) {
        return missing[t][f];
    }

    /** A copy of all values, shape (steps, features). */
    @Override
    public double[][] values() {
        return Arrays2.copy(values);
    }

    /** A copy of all missing flags, shape (steps, features). */
    @Override
    public boolean[][] missing() {
        return Arrays2.copy(missing);
    }
}
