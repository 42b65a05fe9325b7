package dev.vigil.ingestion.synth.truth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The ground-truth file: {@code ground-truth.ndjson} beside the FHIR files (a name that is no FHIR resource
 * type, so FHIR readers skip it). Line 1 is a {@link GroundTruthHeader}; every further line a
 * {@link GroundTruthPatient}, in cohort order. JSON field names are the record component names.
 */
public final class GroundTruthFormat {

    public static final String FILE_NAME = "ground-truth.ndjson";
    public static final String KIND = "vigil.synthetic-sepsis.ground-truth";
    public static final int VERSION = 1;

    private GroundTruthFormat() {
    }

    /** A mapper that writes record components in declaration order and fails on unknown fields. */
    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
