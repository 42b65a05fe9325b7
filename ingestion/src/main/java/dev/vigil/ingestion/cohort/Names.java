package dev.vigil.ingestion.cohort;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks shared by the specification records. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private Names() {
    }

    /** A feature or action name: it becomes a CSV column, so lower case, digits and '_' only. */
    static String requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' is not allowed: use 1-64 characters "
                    + "a-z, 0-9 and '_', starting with a letter (it becomes a column name), e.g. heart_rate");
        }
        return name;
    }

    static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static List<Code> requireCodes(List<Code> codes, String what) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one code (system|code)");
        }
        Set<Code> seen = new HashSet<>();
        for (Code code : codes) {
            if (code == null) {
                throw new IllegalArgumentException(what + " has an empty entry in its codes; remove it");
            }
            if (!seen.add(code)) {
                throw new IllegalArgumentException(what + " lists " + code + " twice; remove one");
            }
        }
        return List.copyOf(codes);
    }

    static String requireUnit(String unit, String what) {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException(what + " needs a unit (a UCUM code such as mm[Hg], /min or 1)");
        }
        return unit;
    }
}
