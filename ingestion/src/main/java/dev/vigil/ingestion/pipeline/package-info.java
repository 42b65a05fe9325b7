/**
 * Ingestion end to end: a FHIR source through a cohort specification into a trajectory dataset, with every
 * rejected piece of input reported to the caller's listener.
 */
package dev.vigil.ingestion.pipeline;
