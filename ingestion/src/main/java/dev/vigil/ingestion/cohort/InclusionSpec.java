package dev.vigil.ingestion.cohort;

import java.util.List;

/** Patients are kept only if some Condition (at any time) carries one of {@code conditions}. */
public record InclusionSpec(List<Code> conditions) {

    public InclusionSpec {
        conditions = Names.requireCodes(conditions, "inclusion.conditions");
    }
}
