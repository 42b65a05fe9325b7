package dev.vigil.worldmodel.synth;

/** The Bulk Data NDJSON files of a synthetic HCC cohort, in {@code fhir/}: one resource type per file. */
public enum HccResourceFile {
    PATIENT("Patient"),
    CONDITION("Condition"),
    OBSERVATION("Observation"),
    PROCEDURE("Procedure"),
    DOCUMENT_REFERENCE("DocumentReference"),
    ENCOUNTER("Encounter");

    private final String resourceType;

    HccResourceFile(String resourceType) {
        this.resourceType = resourceType;
    }

    public String resourceType() {
        return resourceType;
    }

    /** E.g. {@code Procedure.ndjson}. */
    public String fileName() {
        return resourceType + ".ndjson";
    }
}
