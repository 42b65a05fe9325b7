/**
 * A synthetic cohort's patients: the simulated episode under the clinician plus what charting it needs
 * (identity, calendar, vasopressor drug), shared by the FHIR and ground-truth writers.
 */
package dev.vigil.ingestion.synth.cohort;
