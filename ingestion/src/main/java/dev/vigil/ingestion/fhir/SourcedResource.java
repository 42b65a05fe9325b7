package dev.vigil.ingestion.fhir;

import org.hl7.fhir.r4.model.Resource;

/** A parsed resource and where it came from. */
public record SourcedResource(Resource resource, ResourceOrigin origin) {
}
