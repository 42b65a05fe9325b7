package dev.vigil.ingestion.cohort;

/** Which {@code Observation.value[x]} a feature reads. */
public enum ValueType {
    /** {@code valueQuantity}, converted from its UCUM unit to the feature's unit. */
    QUANTITY,
    /** {@code valueInteger}, taken to be in the feature's unit already (e.g. {score}). */
    INTEGER,
    /** {@code valueString} (or {@code valueCodeableConcept}'s first coding code) mapped through the feature's categories. */
    CATEGORY
}
