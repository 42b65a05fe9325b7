package dev.vigil.ingestion.synth.sepsis;

import java.util.Arrays;

/**
 * One bloc's observation vector: {@link SepsisFeature#COUNT} values in {@link SepsisFeature} order and
 * canonical units, as the {@code icu-sepsis} cohort would compute them from the charted FHIR data.
 *
 * @param values shape ({@link SepsisFeature#COUNT}); copied in and out
 */
public record SepsisObservation(double[] values) {

    public SepsisObservation {
        if (values == null || values.length != SepsisFeature.COUNT) {
            throw new IllegalArgumentException("An observation needs " + SepsisFeature.COUNT
                    + " values in SepsisFeature order, got " + (values == null ? "null" : values.length));
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value of one feature. */
    public double get(SepsisFeature feature) {
        return values[feature.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SepsisObservation that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SepsisObservation[");
        for (SepsisFeature feature : SepsisFeature.inOrder()) {
            if (feature.ordinal() > 0) {
                text.append(", ");
            }
            text.append(feature.featureName()).append('=').append(values[feature.ordinal()]);
        }
        return text.append(']').toString();
    }
}
