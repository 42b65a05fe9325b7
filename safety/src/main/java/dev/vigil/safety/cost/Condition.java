package dev.vigil.safety.cost;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When a rule is violated: a comparison, or all / any of several conditions.
 *
 * <p>Every form reads only named features and actions; {@link #names()} lists them so that a model can
 * resolve them against a dataset schema once.
 */
public sealed interface Condition permits Condition.Comparison, Condition.All, Condition.Any {

    /** Every variable name read, in first-use order without repeats. */
    default Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        collectNames(names);
        return names;
    }

    /** Adds the variable names read to {@code names}. */
    void collectNames(Set<String> names);

    /**
     * {@code operand op value}, e.g. {@code spo2 < 92}.
     *
     * @param value a finite threshold in the operand's canonical unit
     */
    record Comparison(Operand operand, ComparisonOp op, double value) implements Condition {
        public Comparison {
            if (operand == null || op == null) {
                throw new IllegalArgumentException("A comparison needs an operand (feature, action, ratio or change) "
                        + "and an op");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("The threshold of '" + operand.describe() + "' must be a finite "
                        + "number, got " + value);
            }
        }

        @Override
        public void collectNames(Set<String> names) {
            names.addAll(operand.names());
        }
    }

    /** Violated when every condition is; not evaluable when any one is not. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = requireSome(conditions, "all");
        }

        @Override
        public void collectNames(Set<String> names) {
            conditions.forEach(c -> c.collectNames(names));
        }
    }

    /** Violated when at least one condition is; not evaluable when any one is not. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = requireSome(conditions, "any");
        }

        @Override
        public void collectNames(Set<String> names) {
            conditions.forEach(c -> c.collectNames(names));
        }
    }

    private static List<Condition> requireSome(List<Condition> conditions, String form) {
        if (conditions == null || conditions.isEmpty()) {
            throw new IllegalArgumentException("'" + form + "' needs a list of at least one condition");
        }
        for (Condition condition : conditions) {
            if (condition == null) {
                throw new IllegalArgumentException("'" + form + "' has an empty entry; remove it or write a condition");
            }
        }
        return List.copyOf(conditions);
    }
}
