package dev.vigil.ingestion.cohort;

/** The fixed vocabulary of static features (the same value on every step of an episode). */
public enum StaticKind {
    /** Completed years from {@code Patient.birthDate} to the anchor's date (UTC); unit {@code a}. */
    AGE_AT_ANCHOR,
    /** {@code Patient.gender}: male = 1, female = 0, anything else missing; unit {@code 1}. */
    GENDER;

    /** The unit of the feature's values. */
    public String unit() {
        return this == AGE_AT_ANCHOR ? "a" : "1";
    }
}
