package dev.vigil.safety.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two versions of a rule set, rule by rule and field by field: what an auditor reads
 * to see how a constraint moved between two reports. Rules are matched by id, so a renamed rule shows as
 * one removed and one added.
 *
 * @param id the rule set's id (both versions must share it)
 * @param fromVersion the older version compared
 * @param toVersion the newer version compared
 * @param setChanges changes to the set's own fields ({@code description}, {@code units.<name>},
 *     {@code order})
 * @param rules one entry per rule added, removed or changed, in the newer version's order, removed rules last
 */
public record RuleSetDiff(String id, String fromVersion, String toVersion, List<FieldChange> setChanges,
        List<RuleChange> rules) {

    /** A field that differs; {@code before} or {@code after} is null when the field is absent on that side. */
    public record FieldChange(String field, String before, String after) {
    }

    /** How a rule differs between the versions. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * @param fields for {@code CHANGED}, the fields that differ; for {@code ADDED} and {@code REMOVED}, every
     *     field of the rule on the side where it exists
     */
    public record RuleChange(String ruleId, Kind kind, List<FieldChange> fields) {
        public RuleChange {
            fields = List.copyOf(fields);
        }
    }

    public RuleSetDiff {
        setChanges = List.copyOf(setChanges);
        rules = List.copyOf(rules);
    }

    /**
     * @throws IllegalArgumentException when the two sets have different ids
     */
    public static RuleSetDiff between(RuleSet from, RuleSet to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.id().equals(to.id())) {
            throw new IllegalArgumentException("Cannot compare rule set " + from.id() + " with " + to.id()
                    + ": a difference is shown between two versions of the same rule set");
        }
        List<FieldChange> setChanges = new ArrayList<>();
        compare("description", from.description(), to.description(), setChanges);
        for (String name : new TreeSet<>(union(from.units().keySet(), to.units().keySet()))) {
            compare("units." + name, from.units().get(name), to.units().get(name), setChanges);
        }
        Map<String, Rule> before = byId(from);
        Map<String, Rule> after = byId(to);
        List<String> commonBefore = from.ruleIds().stream().filter(after::containsKey).toList();
        List<String> commonAfter = to.ruleIds().stream().filter(before::containsKey).toList();
        if (!commonBefore.equals(commonAfter)) {
            // Order matters: every per-rule result is reported in the set's order.
            compare("order", String.join(", ", commonBefore), String.join(", ", commonAfter), setChanges);
        }
        List<RuleChange> rules = new ArrayList<>();
        for (Rule rule : to.rules()) {
            Rule old = before.get(rule.id());
            if (old == null) {
                rules.add(new RuleChange(rule.id(), Kind.ADDED, fields(null, rule)));
            } else {
                List<FieldChange> changed = fields(old, rule);
                if (!changed.isEmpty()) {
                    rules.add(new RuleChange(rule.id(), Kind.CHANGED, changed));
                }
            }
        }
        for (Rule rule : from.rules()) {
            if (!after.containsKey(rule.id())) {
                rules.add(new RuleChange(rule.id(), Kind.REMOVED, fields(rule, null)));
            }
        }
        return new RuleSetDiff(from.id(), from.version(), to.version(), setChanges, rules);
    }

    /** True when the two versions say the same thing (they may still differ in version number). */
    public boolean isEmpty() {
        return setChanges.isEmpty() && rules.isEmpty();
    }

    private static List<FieldChange> fields(Rule before, Rule after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("condition", before == null ? null : describe(before.condition()),
                after == null ? null : describe(after.condition()), changes);
        compare("weight", before == null ? null : CanonicalForm.number(before.weight()),
                after == null ? null : CanonicalForm.number(after.weight()), changes);
        compare("rationale", before == null ? null : before.rationale(), after == null ? null : after.rationale(),
                changes);
        compare("source", before == null ? null : before.source(), after == null ? null : after.source(), changes);
        compare("unit", before == null ? null : before.unit(), after == null ? null : after.unit(), changes);
        return changes;
    }

    private static void compare(String field, String before, String after, List<FieldChange> into) {
        if (!Objects.equals(before, after)) {
            into.add(new FieldChange(field, before, after));
        }
    }

    /** A condition as one line a clinician can read: {@code spo2 < 92}, {@code all(a >= 1, b < 2)}. */
    public static String describe(Condition condition) {
        if (condition instanceof Condition.Comparison comparison) {
            return operand(comparison.operand()) + " " + comparison.op().symbol() + " "
                    + CanonicalForm.number(comparison.value());
        }
        List<Condition> parts = condition instanceof Condition.All all ? all.conditions()
                : ((Condition.Any) condition).conditions();
        String form = condition instanceof Condition.All ? "all" : "any";
        return form + "(" + String.join(", ", parts.stream().map(RuleSetDiff::describe).toList()) + ")";
    }

    private static String operand(Operand operand) {
        if (operand instanceof Operand.Feature feature) {
            return feature.name();
        } else if (operand instanceof Operand.Action action) {
            return "action " + action.name();
        } else if (operand instanceof Operand.Ratio ratio) {
            return ratio.numerator() + " / " + ratio.denominator();
        }
        return "change(" + ((Operand.Change) operand).feature() + ")";
    }

    private static Map<String, Rule> byId(RuleSet set) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Rule rule : set.rules()) {
            rules.put(rule.id(), rule);
        }
        return rules;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
