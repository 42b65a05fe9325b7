package dev.vigil.ingestion.cohort;

/**
 * A code of a code system, written {@code system|code} in a specification, e.g.
 * {@code http://loinc.org|8867-4}.
 */
public record Code(String system, String code) {

    public Code {
        if (system == null || system.isBlank() || system.contains("|")) {
            throw new IllegalArgumentException("A code needs a code system URI without '|', got '" + system
                    + "'; write codes as system|code, e.g. http://loinc.org|8867-4");
        }
        if (code == null || code.isBlank() || code.contains("|")) {
            throw new IllegalArgumentException("A code of " + system + " needs a value without '|', got '" + code
                    + "'; write codes as system|code, e.g. http://loinc.org|8867-4");
        }
    }

    /** Reads {@code system|code}. */
    public static Code parse(String text) {
        int bar = text == null ? -1 : text.indexOf('|');
        if (bar < 0 || bar != text.lastIndexOf('|')) {
            throw new IllegalArgumentException("'" + text + "' is not a code: write system|code with exactly one '|',"
                    + " e.g. http://loinc.org|8867-4");
        }
        return new Code(text.substring(0, bar), text.substring(bar + 1));
    }

    /** {@code system|code}, the key codes are matched by. */
    @Override
    public String toString() {
        return system + "|" + code;
    }
}
