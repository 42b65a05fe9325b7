package dev.vigil.worldmodel.survival;

/** How the Cox partial likelihood treats events at the same time (R's {@code coxph(ties = ...)}). */
public enum Ties {
    /** Every tied event sees the whole risk set: simple, biased towards zero with many ties. */
    BRESLOW,
    /** Tied events remove themselves from the risk set in equal fractions; R's default. */
    EFRON
}
