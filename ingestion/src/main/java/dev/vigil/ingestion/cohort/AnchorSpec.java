package dev.vigil.ingestion.cohort;

import java.util.List;

/**
 * The event a patient's window is placed around: the earliest resource of {@code resource} type carrying one
 * of {@code codes}, e.g. sepsis onset (a Condition) or the first TACE (a Procedure).
 */
public record AnchorSpec(AnchorResource resource, List<Code> codes) {

    public AnchorSpec {
        if (resource == null) {
            throw new IllegalArgumentException("anchor.resource is missing: write condition or procedure");
        }
        codes = Names.requireCodes(codes, "anchor");
    }
}
