package dev.vigil.api.cds;

import dev.vigil.offlinerl.serving.ClinicalState;
import java.util.List;

/**
 * A patient's FHIR resources as the served policy's state.
 *
 * @param state the current bloc, the previous bloc and the current doses
 * @param missing required vital signs with no value at all
 * @param stale required vital signs whose newest value is older than the cohort carries it, with their age
 * @param notes resources or values that were skipped and why (no patient data beyond ids)
 */
public record MappedState(ClinicalState state, List<String> missing, List<String> stale, List<String> notes) {

    public MappedState {
        missing = List.copyOf(missing);
        stale = List.copyOf(stale);
        notes = List.copyOf(notes);
    }

    /** Whether the state may be answered for: no required vital sign missing or stale. */
    public boolean usable() {
        return missing.isEmpty() && stale.isEmpty();
    }
}
