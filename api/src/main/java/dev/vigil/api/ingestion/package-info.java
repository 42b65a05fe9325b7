/**
 * Ingestion jobs: FHIR data uploaded or fetched from a FHIR server, run through a cohort specification on a
 * background thread, with live progress and the resulting dataset and report recorded.
 */
package dev.vigil.api.ingestion;
