/**
 * UCUM units: converting a measured value to the canonical unit a cohort specification declares, or
 * saying exactly why it cannot be converted. Nothing here guesses: an unknown, missing or incommensurable
 * unit is an error carrying the {@link dev.vigil.ingestion.report.IssueKind} the ingestion report counts.
 */
package dev.vigil.ingestion.units;
