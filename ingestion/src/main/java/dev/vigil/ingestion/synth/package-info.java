/**
 * Synthetic cohorts with known ground truth. {@link dev.vigil.ingestion.synth.SepsisCohortGenerator} writes an
 * ICU sepsis cohort as FHIR R4 Bulk Data NDJSON, coded for the {@code icu-sepsis} cohort, with
 * {@code ground-truth.ndjson} beside it; the simulator behind it is public in
 * {@link dev.vigil.ingestion.synth.sepsis}. Method: {@code docs/methods/synthetic-sepsis.md}. Plain Java and
 * files only: nothing here knows about HTTP, databases or UI.
 */
package dev.vigil.ingestion.synth;
