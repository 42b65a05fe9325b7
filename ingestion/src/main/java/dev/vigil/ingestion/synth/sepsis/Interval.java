package dev.vigil.ingestion.synth.sepsis;

/** A two-sided confidence interval. */
public record Interval(double lower, double upper) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("An interval needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
