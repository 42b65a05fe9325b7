package dev.vigil.offlinerl.algo.tabular;

/** How OGSRL's guardian acts on a (state, action) pair outside the data's support. */
public enum GuardMode {
    /** Planning may not choose it (written {@code forbid} in config files). */
    FORBID,
    /** Planning may choose it but pays {@code oodPenalty} per step and the OOD-share bound (written {@code penalty}). */
    PENALTY
}
