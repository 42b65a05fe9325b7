package dev.vigil.ingestion.cohort;

/** How the values that fall into one bloc become the bloc's value. */
public enum Aggregation {
    /** Arithmetic mean. */
    MEAN,
    /** The latest value (ties in time broken by resource id). */
    LAST,
    /** The smallest value. */
    MIN,
    /** The largest value. */
    MAX,
    /** The sum (for amounts, e.g. urine output or fluid volume). */
    SUM
}
