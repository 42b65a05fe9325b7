package dev.vigil.ingestion.trajectory;

/** The resource types facts come from, stored as one byte per resource reference. */
enum SourceType {
    CONDITION("Condition"),
    DOCUMENT_REFERENCE("DocumentReference"),
    ENCOUNTER("Encounter"),
    IMAGING_STUDY("ImagingStudy"),
    MEDICATION_ADMINISTRATION("MedicationAdministration"),
    OBSERVATION("Observation"),
    PATIENT("Patient"),
    PROCEDURE("Procedure");

    private static final SourceType[] VALUES = values();

    final String fhirType;

    SourceType(String fhirType) {
        this.fhirType = fhirType;
    }

    static SourceType of(int ordinal) {
        return VALUES[ordinal];
    }
}
