package dev.vigil.worldmodel.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the survival scorer is fitted (docs/planner.md "Survival scorer"): which {@link ScorerFeatures} columns it
 * uses, and where the post-treatment image features of the training cases come from.
 *
 * @param columns a subset of {@link ScorerFeatures#NAMES}, in that order, with {@link ScorerFeatures#POST_VIABLE}
 * @param source {@link Source#MEASURED}: the true follow-up CT of each training case; {@link Source#SIMULATED}: the
 *     world model's own simulation of the protocol each training case was given (what the scorer reads at planning
 *     time)
 */
public record ScorerSpec(List<String> columns, Source source) {

    /** Where the post-treatment features of the training cases come from. */
    public enum Source {
        MEASURED, SIMULATED;

        /** "measured" or "simulated" (case-insensitive); the error names the accepted values. */
        public static Source parse(String text) {
            for (Source s : values()) {
                if (s.name().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("scorer feature source '" + text + "' is not measured or simulated");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The seven columns with intensity alone (the scorer of the first three rounds). */
    public static final List<String> INTENSITY_COLUMNS = namesWithout(ScorerFeatures.INTENSITY_X_FRAILTY);
    /** All eight columns: intensity and intensity x liver frailty. */
    public static final List<String> FRAILTY_COLUMNS = ScorerFeatures.NAMES;

    public ScorerSpec {
        if (columns == null || source == null) {
            throw new IllegalArgumentException("scorer spec needs columns and a source");
        }
        columns = List.copyOf(columns);
        requireOrderedSubset(columns, "scorer spec");
        if (!columns.contains(ScorerFeatures.POST_VIABLE)) {
            throw new IllegalArgumentException("scorer spec: columns " + columns + " lack "
                    + ScorerFeatures.POST_VIABLE + ", the only image column that differs between protocols");
        }
    }

    /** The default: measured follow-up features, intensity alone (docs/results.md "MeWM", fourth round). */
    public static ScorerSpec defaults() {
        return new ScorerSpec(INTENSITY_COLUMNS, Source.MEASURED);
    }

    /**
     * Parses "SOURCE" or "SOURCE:TOXICITY" with SOURCE measured|simulated and TOXICITY intensity (default) or
     * frailty (intensity and intensity x liver frailty), e.g. "simulated:frailty".
     */
    public static ScorerSpec parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("scorer spec '" + text + "' is not SOURCE[:TOXICITY]");
        }
        Source source = Source.parse(parts[0]);
        String toxicity = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "intensity";
        List<String> columns = switch (toxicity) {
            case "intensity" -> INTENSITY_COLUMNS;
            case "frailty" -> FRAILTY_COLUMNS;
            default -> throw new IllegalArgumentException("scorer spec '" + text + "': toxicity term '" + parts[1]
                    + "' is not intensity or frailty");
        };
        return new ScorerSpec(columns, source);
    }

    /** Short text for manifests and logs, e.g. "simulated:frailty". */
    public String label() {
        return source.label() + ":" + (columns.equals(INTENSITY_COLUMNS) ? "intensity"
                : columns.equals(FRAILTY_COLUMNS) ? "frailty" : String.join(",", columns));
    }

    /** Positions of {@code columns} in a full {@link ScorerFeatures#NAMES} row. */
    static int[] indices(List<String> columns) {
        int[] index = new int[columns.size()];
        for (int j = 0; j < index.length; j++) {
            index[j] = ScorerFeatures.NAMES.indexOf(columns.get(j));
        }
        return index;
    }

    /** Fails unless {@code columns} are distinct names of {@link ScorerFeatures#NAMES} in that order. */
    static void requireOrderedSubset(List<String> columns, String source) {
        int last = -1;
        for (String name : columns) {
            int at = ScorerFeatures.NAMES.indexOf(name);
            if (at < 0) {
                throw new IllegalArgumentException(source + ": feature '" + name + "' is not one of "
                        + ScorerFeatures.NAMES);
            }
            if (at <= last) {
                throw new IllegalArgumentException(source + ": feature '" + name + "' is repeated or out of order;"
                        + " expected a subset of " + ScorerFeatures.NAMES + " in that order");
            }
            last = at;
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(source + ": no features");
        }
    }

    private static List<String> namesWithout(String name) {
        List<String> out = new ArrayList<>(ScorerFeatures.NAMES);
        out.remove(name);
        return List.copyOf(out);
    }
}
