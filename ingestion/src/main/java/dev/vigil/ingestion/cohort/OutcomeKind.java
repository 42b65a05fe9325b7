package dev.vigil.ingestion.cohort;

/** What an episode's outcome records. */
public enum OutcomeKind {
    /** Death within {@code withinDays} of the anchor and/or during the stay (event), else survival. */
    DEATH,
    /** Days from the anchor to death (event) or to the last follow-up (censored). */
    SURVIVAL
}
