package dev.vigil.ingestion.synth.sepsis;

/**
 * How many decimals each charted feature is recorded with, as a monitor or a laboratory would report it.
 * Values are rounded when charted, and the observation vector is computed from the rounded values, so that
 * a reader of the FHIR output computes exactly the same vector.
 */
public final class ChartPrecision {

    private ChartPrecision() {
    }

    /** Decimals of {@code feature}'s charted value. */
    public static int decimals(SepsisFeature feature) {
        return switch (feature) {
            case TEMPERATURE, LACTATE, BILIRUBIN, WBC, WEIGHT -> 1;
            case CREATININE -> 2;
            default -> 0;
        };
    }

    /** {@code value} rounded half up to {@code decimals} places (charted values are never negative). */
    public static double round(double value, int decimals) {
        double scale = StrictMath.pow(10, decimals);
        return Math.floor(value * scale + 0.5) / scale;
    }
}
