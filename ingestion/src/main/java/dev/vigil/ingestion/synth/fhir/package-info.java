/**
 * Rendering synthetic patients as FHIR R4 JSON with Jackson's streaming generator, in exactly HAPI's encoding,
 * with the codes of {@code docs/cohorts/icu-sepsis-codes.md} and deterministic name-based ids.
 */
package dev.vigil.ingestion.synth.fhir;
