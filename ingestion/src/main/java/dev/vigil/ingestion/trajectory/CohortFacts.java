package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.CohortSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link CohortAccumulator} gathered, ready for {@link TrajectoryBuilder}.
 *
 * @param spec the specification the facts were mapped with
 * @param patients every patient that appeared (as a Patient or as a reference), sorted by id
 * @param endpoints Endpoint id to address, for image links given as references to Endpoint resources
 */
public record CohortFacts(CohortSpec spec, List<PatientFacts> patients, Map<String, String> endpoints) {

    public CohortFacts {
        patients = List.copyOf(patients);
        endpoints = Map.copyOf(endpoints);
    }
}
