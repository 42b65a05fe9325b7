package dev.vigil.ingestion.cohort;

/** The resource type whose earliest coded occurrence anchors a patient's window. */
public enum AnchorResource {
    /** Time = {@code onsetDateTime}, else {@code onsetPeriod.start}, else {@code recordedDate}. */
    CONDITION,
    /** Time = {@code performedDateTime}, else {@code performedPeriod.start}. */
    PROCEDURE
}
