package dev.vigil.ingestion.report;

/**
 * Why a piece of input was not used. Every kind is counted in the ingestion report; the ones marked
 * "informational" are expected in real data and are not errors.
 */
public enum IssueKind {
    /** A line or file that is not valid JSON or XML. */
    MALFORMED,
    /** A resource without a resourceType. */
    MISSING_RESOURCE_TYPE,
    /** A resourceType that is not an R4 resource. */
    UNKNOWN_RESOURCE_TYPE,
    /** A resource in a file named for another type (Bulk Data keeps one type per file). */
    WRONG_RESOURCE_TYPE,
    /** A clinical resource with no subject or patient reference. */
    MISSING_SUBJECT,
    /** A reference to a patient that the input does not contain. */
    UNKNOWN_PATIENT,
    /** A second resource with the same type and id; the first is kept. */
    DUPLICATE_ID,
    /** A code the cohort specification does not map (informational). */
    UNMAPPED_CODE,
    /** A quantity without a unit. */
    MISSING_UNIT,
    /** A unit UCUM does not know. */
    UNKNOWN_UNIT,
    /** A valid unit that cannot be converted to the feature's canonical unit. */
    UNCONVERTIBLE_UNIT,
    /** A value outside the feature's plausible range (counted, never clipped). */
    IMPLAUSIBLE_VALUE,
    /** A value or timestamp that is missing where the cohort needs it. */
    MISSING_VALUE,
    /** A timestamp earlier than one it must follow (e.g. an end before its start). */
    OUT_OF_ORDER_TIME,
    /** A compressed file that ends early; what was read before the damage is kept. */
    TRUNCATED_FILE,
    /** A patient the cohort cannot use (e.g. no sepsis onset, no observations in the window). */
    PATIENT_EXCLUDED,
    /** A failure to read from a FHIR server (HTTP status, timeout). */
    SOURCE_UNAVAILABLE;

    /**
     * Whether this kind is expected in real data and therefore counted but not an error: a cohort
     * specification maps only the codes it needs, and most patients of a hospital are not in a given cohort.
     */
    public boolean isInformational() {
        return this == UNMAPPED_CODE || this == PATIENT_EXCLUDED;
    }
}
