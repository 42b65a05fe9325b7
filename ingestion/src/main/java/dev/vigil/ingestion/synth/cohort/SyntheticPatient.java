package dev.vigil.ingestion.synth.cohort;

import dev.vigil.ingestion.synth.sepsis.Episode;
import java.time.LocalDate;
import java.util.List;

/**
 * One patient of a synthetic cohort: the simulated episode (the truth) and what is needed to chart it as
 * FHIR (calendar, identity, drug choices). Times are minutes since the window start unless stated.
 *
 * @param index 0-based position in the cohort
 * @param key {@code sepsis-<seed>-<index>}: the name every resource id is derived from
 * @param episode the simulated 18 blocs (or fewer, to death) under the clinician
 * @param windowStartEpochMinute the window start, minutes since 1970-01-01T00:00Z (onset is 24 h later)
 * @param birthDate chosen so that whole years at onset equal the simulated age
 * @param stayEndMinute end of the ICU stay: death in the window, else discharge or a death during the stay
 * @param agents shape (steps): the vasopressor each bloc's dose is charted as
 */
public record SyntheticPatient(int index, String key, Episode episode, long windowStartEpochMinute,
        LocalDate birthDate, int stayEndMinute, List<VasopressorAgent> agents) {

    public SyntheticPatient {
        agents = List.copyOf(agents);
        if (agents.size() != episode.steps()) {
            throw new IllegalArgumentException("One vasopressor agent per bloc: " + episode.steps() + " blocs, "
                    + agents.size() + " agents");
        }
    }
}
