package dev.vigil.ingestion.synth.truth;

import java.util.List;

/** A whole ground-truth file: header and patients in cohort order. */
public record GroundTruth(GroundTruthHeader header, List<GroundTruthPatient> patients) {

    public GroundTruth {
        patients = List.copyOf(patients);
    }
}
