package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.protocol.TaceComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the survival scorer is fitted (docs/planner.md "Survival scorer"): which {@link ScorerFeatures} columns it
 * uses, and where the post-treatment image features of the training cases come from.
 *
 * @param columns a subset of {@link ScorerFeatures#NAMES}, in that order, with {@link ScorerFeatures#POST_VIABLE}
 * @param source {@link Source#MEASURED}: the true follow-up CT of each training case; {@link Source#SIMULATED}: the
 *     world model's own simulation of the protocol each training case was given (what the scorer reads at planning
 *     time)
 * @param charges toxicity charges set rather than fitted, by embolic column ({@link ScorerFeatures#embolicColumn}),
 *     in units of ln(1 + viable mL): adding that agent to a protocol must buy a simulated drop of at least this much
 *     to rank better (docs/planner.md "Set toxicity charges"); empty: every charge is the Cox fit's
 */
public record ScorerSpec(List<String> columns, Source source, Map<String, Double> charges) {

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

    /** Six columns every variant shares: post viable volume, pre-treatment image and clinical covariates. */
    private static final List<String> COMMON = ScorerFeatures.NAMES.subList(0, 6);
    /** Intensity alone as the toxicity term (the scorer of the first three rounds). */
    public static final List<String> INTENSITY_COLUMNS = with(ScorerFeatures.INTENSITY);
    /** Intensity and intensity x liver frailty. */
    public static final List<String> FRAILTY_COLUMNS = with(ScorerFeatures.INTENSITY,
            ScorerFeatures.INTENSITY_X_FRAILTY);
    /** Extra drugs and extra embolics in place of intensity. */
    public static final List<String> SPLIT_COLUMNS = with(ScorerFeatures.EXTRA_DRUGS, ScorerFeatures.EXTRA_EMBOLICS);

    public ScorerSpec {
        if (columns == null || source == null || charges == null) {
            throw new IllegalArgumentException("scorer spec needs columns, a source and charges (may be empty)");
        }
        charges = requireCharges(charges);
        columns = List.copyOf(columns);
        requireOrderedSubset(columns, "scorer spec");
        if (!columns.contains(ScorerFeatures.POST_VIABLE)) {
            throw new IllegalArgumentException("scorer spec: columns " + columns + " lack "
                    + ScorerFeatures.POST_VIABLE + ", the only image column that differs between protocols");
        }
    }

    /** Every charge fitted. */
    public ScorerSpec(List<String> columns, Source source) {
        this(columns, source, Map.of());
    }

    /** The default: measured follow-up features, intensity alone (docs/results.md "MeWM", fourth round). */
    public static ScorerSpec defaults() {
        return new ScorerSpec(INTENSITY_COLUMNS, Source.MEASURED);
    }

    /** This spec with the given set charges in place of its own. */
    public ScorerSpec withCharges(Map<String, Double> setCharges) {
        return new ScorerSpec(columns, source, setCharges);
    }

    /**
     * Parses "SOURCE" or "SOURCE:TOXICITY" with SOURCE measured|simulated and TOXICITY intensity (default),
     * frailty (intensity and intensity x liver frailty) or split (extra drugs and extra embolics), e.g.
     * "simulated:frailty", or names of toxicity columns joined by '+' (e.g. "simulated:intensity_x_frailty"),
     * optionally followed by set charges "@AGENT=CHARGE[,AGENT=CHARGE...]" for embolic agents beyond Lipiodol
     * (any name {@link TaceComponent#ofName} accepts), e.g. "measured:intensity@gelatin sponge=0.14".
     */
    public static ScorerSpec parse(String text) {
        int at = text.indexOf('@');
        Map<String, Double> charges = at < 0 ? Map.of() : parseCharges(text, text.substring(at + 1));
        return parseColumns(at < 0 ? text : text.substring(0, at)).withCharges(charges);
    }

    private static ScorerSpec parseColumns(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("scorer spec '" + text + "' is not SOURCE[:TOXICITY]");
        }
        Source source = Source.parse(parts[0]);
        String toxicity = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "intensity";
        List<String> columns = switch (toxicity) {
            case "intensity" -> INTENSITY_COLUMNS;
            case "frailty" -> FRAILTY_COLUMNS;
            case "split" -> SPLIT_COLUMNS;
            default -> toxicityColumns(text, parts[1].trim());
        };
        return new ScorerSpec(columns, source);
    }

    private static Map<String, Double> parseCharges(String text, String list) {
        Map<String, Double> charges = new LinkedHashMap<>();
        for (String item : list.split(",")) {
            String[] pair = item.split("=", -1);
            if (pair.length != 2) {
                throw new IllegalArgumentException("scorer spec '" + text + "': set charge '" + item.trim()
                        + "' is not AGENT=CHARGE");
            }
            TaceComponent agent;
            double charge;
            try {
                agent = TaceComponent.ofName(pair[0].trim());
                charge = Double.parseDouble(pair[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scorer spec '" + text + "': set charge '" + item.trim() + "': "
                        + e.getMessage(), e);
            }
            if (!ScorerFeatures.EXTRA_EMBOLIC_AGENTS.contains(agent)) {
                throw new IllegalArgumentException("scorer spec '" + text + "': a charge can be set only for an"
                        + " embolic agent beyond Lipiodol " + ScorerFeatures.EXTRA_EMBOLIC_AGENTS + ", not "
                        + agent.displayName());
            }
            if (charges.put(ScorerFeatures.embolicColumn(agent), charge) != null) {
                throw new IllegalArgumentException("scorer spec '" + text + "': the charge of " + agent.displayName()
                        + " is set twice");
            }
        }
        return charges;
    }

    /** Charges keyed by embolic column, each finite and non-negative; an unmodifiable copy in column order. */
    private static Map<String, Double> requireCharges(Map<String, Double> charges) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (TaceComponent agent : ScorerFeatures.EXTRA_EMBOLIC_AGENTS) {
            Double charge = charges.get(ScorerFeatures.embolicColumn(agent));
            if (charge != null) {
                if (!Double.isFinite(charge) || charge < 0) {
                    throw new IllegalArgumentException("scorer spec: the set charge of " + agent.displayName()
                            + " must be a finite number >= 0 (ln(1 + viable mL)), got " + charge);
                }
                ordered.put(ScorerFeatures.embolicColumn(agent), charge);
            }
        }
        for (String key : charges.keySet()) {
            if (!ordered.containsKey(key)) {
                throw new IllegalArgumentException("scorer spec: '" + key + "' is not the column of an embolic agent"
                        + " beyond Lipiodol; charges can be set for "
                        + ScorerFeatures.EXTRA_EMBOLIC_AGENTS.stream().map(ScorerFeatures::embolicColumn).toList());
            }
        }
        return java.util.Collections.unmodifiableMap(ordered);
    }

    private static List<String> toxicityColumns(String text, String names) {
        List<String> toxicity = List.of(names.split("\\+"));
        for (String name : toxicity) {
            if (COMMON.contains(name) || !ScorerFeatures.NAMES.contains(name)) {
                throw new IllegalArgumentException("scorer spec '" + text + "': toxicity term '" + name
                        + "' is not intensity, frailty, split or a toxicity column of "
                        + ScorerFeatures.NAMES.subList(COMMON.size(), ScorerFeatures.NAMES.size()));
            }
        }
        return with(toxicity.toArray(String[]::new));
    }

    /** Short text for manifests and logs, e.g. "simulated:frailty" or "measured:intensity@gelatin_sponge=0.14". */
    public String label() {
        StringBuilder label = new StringBuilder(source.label() + ":" + (columns.equals(INTENSITY_COLUMNS) ? "intensity"
                : columns.equals(FRAILTY_COLUMNS) ? "frailty" : columns.equals(SPLIT_COLUMNS) ? "split"
                : String.join(",", columns)));
        String separator = "@";
        for (Map.Entry<String, Double> charge : charges.entrySet()) {
            label.append(separator).append(charge.getKey().substring("embolic_".length())).append('=')
                    .append(charge.getValue());
            separator = ",";
        }
        return label.toString();
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

    private static List<String> with(String... toxicity) {
        List<String> out = new ArrayList<>(COMMON);
        out.addAll(List.of(toxicity));
        return List.copyOf(out);
    }
}
