/**
 * Reading FHIR R4 resources with HAPI FHIR from Bundle files, Bulk Data NDJSON folders and live FHIR servers,
 * as a stream of {@link dev.vigil.ingestion.fhir.SourcedResource}s; what cannot be read is reported, never
 * fatal.
 */
package dev.vigil.ingestion.fhir;
