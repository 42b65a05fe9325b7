package dev.vigil.ingestion.synth.sepsis;

/**
 * One charted measurement, as it will appear in an Observation.
 *
 * @param feature what was measured (one of the 17 charted features)
 * @param minute minutes since the window start (24 h before onset)
 * @param value in the feature's canonical unit, already rounded to {@link ChartPrecision#decimals}
 */
public record ChartedValue(SepsisFeature feature, int minute, double value) {
}
