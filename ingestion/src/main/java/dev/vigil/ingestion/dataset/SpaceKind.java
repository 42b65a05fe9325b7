package dev.vigil.ingestion.dataset;

/** Whether states (or actions) are vectors of real numbers or ids from a finite set. */
public enum SpaceKind {
    /** A vector of named real-valued variables, each with a unit. */
    CONTINUOUS,
    /** One integer id in {@code [0, size)}. */
    DISCRETE
}
