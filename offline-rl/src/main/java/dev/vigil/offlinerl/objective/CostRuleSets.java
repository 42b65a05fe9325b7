package dev.vigil.offlinerl.objective;

import dev.vigil.safety.cost.Rule;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.RuleSets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a config's {@code costRuleSet} field to a rule set:
 * <ul>
 *   <li>{@code none}: no rule set (null);</li>
 *   <li>a shipped id, e.g. {@code sepsis-bedside}: all its rules;</li>
 *   <li>{@code <shipped id>:<rule id>,<rule id>...}: only the listed rules of it, as a rule set with the id
 *       {@code <shipped id>.subset} (its content hash names exactly which rules);</li>
 *   <li>{@value #OGSRL_SEPSIS}: OGSRL's own cost, the two rules {@code sepsis.spo2-low} and
 *       {@code sepsis.urine-output-low} of {@code sepsis-bedside}, with the id {@value #OGSRL_SEPSIS}.</li>
 * </ul>
 */
public final class CostRuleSets {

    public static final String NONE = "none";
    /** OGSRL's two physiological rules (SpO2 &lt; 92 %; cumulative urine output &lt; 2 mL/kg). */
    public static final String OGSRL_SEPSIS = "ogsrl-sepsis";
    /** The rules of {@value #OGSRL_SEPSIS} within {@code sepsis-bedside}. */
    public static final List<String> OGSRL_RULES = List.of("sepsis.spo2-low", "sepsis.urine-output-low");

    private CostRuleSets() {
    }

    /**
     * @return the rule set, or null for {@code none}
     * @throws IllegalArgumentException naming the unknown rule set or rule
     */
    public static RuleSet resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("costRuleSet must name a shipped rule set (e.g. 'sepsis-bedside'), "
                    + "'" + OGSRL_SEPSIS + "', '<rule set>:<rule id>,...' or 'none'");
        }
        if (NONE.equals(spec)) {
            return null;
        }
        if (OGSRL_SEPSIS.equals(spec)) {
            return subset(RuleSets.sepsisBedside(), OGSRL_RULES, OGSRL_SEPSIS, "OGSRL's cost (arXiv 2505.16242): "
                    + "its two physiological rules, SpO2 below 92 % and cumulative urine output below 2 mL/kg, one "
                    + "unit each; taken from sepsis-bedside");
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return RuleSets.shipped(spec);
        }
        RuleSet full = RuleSets.shipped(spec.substring(0, colon));
        List<String> ids = Arrays.stream(spec.substring(colon + 1).split(",")).map(String::trim).toList();
        return subset(full, ids, full.id() + ".subset", full.description() + " Restricted to " + ids + ".");
    }

    /**
     * The rules {@code ids} of {@code full}, in the order given, with the units they read.
     *
     * @throws IllegalArgumentException naming a rule id the set does not have
     */
    public static RuleSet subset(RuleSet full, List<String> ids, String id, String description) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("costRuleSet: list at least one rule of " + full.id());
        }
        Map<String, String> units = new LinkedHashMap<>();
        List<Rule> rules = ids.stream().map(ruleId -> {
            Rule rule = full.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("costRuleSet: rule set " + full.id() + " has no rule '"
                            + ruleId + "'; its rules are " + full.ruleIds()));
            rule.condition().names().forEach(n -> units.put(n, full.units().get(n)));
            return rule;
        }).toList();
        return new RuleSet(id, full.version(), description, units, rules);
    }
}
