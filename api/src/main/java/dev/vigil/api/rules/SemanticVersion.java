package dev.vigil.api.rules;

import java.util.Comparator;

/** Orders {@code major.minor.patch} versions numerically (so 1.10.0 comes after 1.9.0). */
final class SemanticVersion {

    static final Comparator<String> ORDER = Comparator.comparing(SemanticVersion::parts,
            (a, b) -> {
                for (int i = 0; i < 3; i++) {
                    int c = Long.compare(a[i], b[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });

    private SemanticVersion() {
    }

    private static long[] parts(String version) {
        String[] text = version.split("\\.");
        if (text.length != 3) {
            throw new IllegalArgumentException("'" + version + "' is not a version major.minor.patch");
        }
        long[] parts = new long[3];
        for (int i = 0; i < 3; i++) {
            parts[i] = Long.parseLong(text[i]);
        }
        return parts;
    }
}
