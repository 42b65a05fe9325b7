package dev.vigil.common;

/** Small text helpers shared by every module. */
public final class Texts {

    private Texts() {
    }

    /** {@code text} cut to at most {@code max} characters, ending in an ellipsis when cut (for bounded columns). */
    public static String truncate(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
