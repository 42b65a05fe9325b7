/**
 * Cohort specifications: which FHIR codes are which state features, actions and outcomes, the bloc length
 * and the window around an anchor event. A specification is a versioned YAML document
 * ({@code formatVersion: 1}, described field by field in {@code docs/cohort-spec.md}) read by
 * {@link dev.vigil.ingestion.cohort.CohortSpecs} into immutable, validated records.
 *
 * <p>The records are plain Java; Jackson appears only in the reader.
 */
package dev.vigil.ingestion.cohort;
