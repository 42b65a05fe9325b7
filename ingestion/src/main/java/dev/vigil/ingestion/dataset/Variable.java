package dev.vigil.ingestion.dataset;

import java.util.regex.Pattern;

/**
 * A named state feature or action with its UCUM unit.
 *
 * @param name a column name: letters, digits, '_' and '.', starting with a letter or '_'
 * @param unit the UCUM unit of the values, or "" when unknown (e.g. imported from a CSV without units)
 */
public record Variable(String name, String unit) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,127}");

    public Variable {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Variable name '" + name + "' is not allowed: use letters, digits, '_' "
                    + "and '.', starting with a letter or '_' (at most 128 characters)");
        }
        unit = unit == null ? "" : unit;
        if (unit.contains(",") || unit.contains("\n") || unit.contains("\r") || unit.contains("\"")) {
            throw new IllegalArgumentException("The unit of " + name + " contains a comma, quote or line break, "
                    + "which no UCUM unit does");
        }
    }
}
