package dev.vigil.ingestion.cohort;

import java.util.List;

/**
 * What counts as the hospital stay: an Encounter with one of these {@code class} codes whose period contains
 * the anchor. The stay ends a trajectory early (at discharge) and may decide the outcome.
 */
public record StaySpec(List<Code> encounterClasses) {

    public StaySpec {
        encounterClasses = Names.requireCodes(encounterClasses, "stay.encounterClasses");
    }
}
