/**
 * Ingestion: FHIR R4 (Bundles, Bulk Data NDJSON, FHIR servers) through a cohort specification into versioned
 * trajectory datasets, with an ingestion report of everything that was rejected and why.
 */
package dev.vigil.ingestion;
