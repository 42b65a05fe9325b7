package dev.vigil.safety.cost;

import java.util.regex.Pattern;

/**
 * One physiological safety rule: when it is violated, why, and on whose authority.
 *
 * @param id stable id, e.g. {@code sepsis.spo2-low}; costs and reports name rules by it
 * @param condition when the rule is violated, over features and actions in canonical units
 * @param weight the cost of one violating step; finite and {@code >= 0} (0 = counted but free)
 * @param rationale why the rule exists, in words a clinician can check
 * @param source the citation the threshold comes from
 * @param unit notes on the units the thresholds assume; may be empty
 */
public record Rule(String id, Condition condition, double weight, String rationale, String source, String unit) {

    /** The weight of a rule that does not state one. */
    public static final double DEFAULT_WEIGHT = 1.0;

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    public Rule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Rule id '" + id + "' is not allowed: use lower-case letters, digits, "
                    + "'.', '_' and '-', starting with a letter or digit, e.g. sepsis.spo2-low");
        }
        if (condition == null) {
            throw new IllegalArgumentException("Rule " + id + " needs a condition saying when it is violated");
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("Rule " + id + " has weight " + weight + ": a weight is a finite cost "
                    + ">= 0 per violating step (costs are non-negative; leave it out for the default 1)");
        }
        if (rationale == null || rationale.isBlank()) {
            throw new IllegalArgumentException("Rule " + id + " needs a rationale: say why the threshold matters");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Rule " + id + " needs a source: cite where the threshold comes from");
        }
        unit = unit == null ? "" : unit;
    }
}
