package dev.vigil.safety.contraindication;

/** Tumour thrombus in the portal vein, coded 0..2. */
public enum PortalVeinThrombus {
    NONE,
    /** Segmental or lobar branch (Vp1-Vp3). */
    BRANCH,
    /** Main trunk (Vp4). */
    MAIN;

    public int code() {
        return ordinal();
    }
}
