package dev.vigil.ingestion.cohort;

/** The fixed vocabulary of per-bloc derived features. */
public enum DerivedKind {
    /**
     * Running sum since the window start of a feature's bloc values, this bloc included (blocs without a
     * measurement add nothing; missing until the first measurement), or of an action's values in the blocs
     * before this one (a state never contains the action of its own bloc; never missing).
     */
    CUMULATIVE_SUM,
    /** numerator / denominator of two features' (held) values, converted to the derived feature's unit. */
    RATIO
}
