package dev.vigil.ingestion.report;

import dev.vigil.ingestion.fhir.ResourceOrigin;

/**
 * One rejected piece of input. The message says what is wrong and never carries patient data beyond
 * resource ids (no names, no values of identifying fields).
 */
public record IngestionIssue(IssueKind kind, ResourceOrigin origin, String message) {
}
