package dev.vigil.ingestion.synth.fhir;

/** The Bulk Data NDJSON files of a synthetic cohort: one resource type per file, in writing order. */
public enum ResourceFile {
    PATIENT("Patient"),
    ENCOUNTER("Encounter"),
    CONDITION("Condition"),
    OBSERVATION("Observation"),
    MEDICATION_ADMINISTRATION("MedicationAdministration");

    private final String resourceType;

    ResourceFile(String resourceType) {
        this.resourceType = resourceType;
    }

    public String resourceType() {
        return resourceType;
    }

    /** E.g. {@code Observation.ndjson}. */
    public String fileName() {
        return resourceType + ".ndjson";
    }
}
