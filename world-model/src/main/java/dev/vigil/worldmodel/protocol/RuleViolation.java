package dev.vigil.worldmodel.protocol;

import java.util.List;

/**
 * A protocol rule a protocol breaks.
 *
 * @param ruleId the rule's id, e.g. {@code tace.platinum-exclusive}
 * @param components the rule's members the protocol uses (both agents of a conflict), in encoding order
 * @param message e.g. {@code Oxaliplatin and Cisplatin together: platinum agents exclude each other ... (rule
 *     tace.platinum-exclusive)}
 */
public record RuleViolation(String ruleId, List<TaceComponent> components, String message) {

    public RuleViolation {
        components = List.copyOf(components);
    }
}
