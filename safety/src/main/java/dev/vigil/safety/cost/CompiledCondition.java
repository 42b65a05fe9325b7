package dev.vigil.safety.cost;

import java.util.List;

/**
 * A condition with its names resolved to column indexes, ready to test a step. Strict about missing
 * inputs: a combinator is not evaluable as soon as any part is, even when the other parts would settle it,
 * so that how often a rule is evaluable depends on what was measured, never on the measured values.
 */
interface CompiledCondition {

    /**
     * @param previous the previous step's state, shape (features), or null at an episode's first step
     * @param state shape (features); NaN = missing
     * @param action shape (actions); NaN = missing
     */
    RuleStatus test(double[] previous, double[] state, double[] action);

    /** Reads one number of a step; NaN when it is missing or undefined. */
    interface Value {
        double read(double[] previous, double[] state, double[] action);
    }

    static CompiledCondition comparison(Value value, ComparisonOp op, double threshold) {
        return (previous, state, action) -> {
            double x = value.read(previous, state, action);
            if (Double.isNaN(x)) {
                return RuleStatus.NOT_EVALUABLE;
            }
            return op.test(x, threshold) ? RuleStatus.VIOLATED : RuleStatus.SATISFIED;
        };
    }

    static CompiledCondition all(List<CompiledCondition> parts) {
        CompiledCondition[] array = parts.toArray(CompiledCondition[]::new);
        return (previous, state, action) -> {
            boolean allViolated = true;
            for (CompiledCondition part : array) {
                RuleStatus status = part.test(previous, state, action);
                if (status == RuleStatus.NOT_EVALUABLE) {
                    return RuleStatus.NOT_EVALUABLE;
                }
                allViolated &= status == RuleStatus.VIOLATED;
            }
            return allViolated ? RuleStatus.VIOLATED : RuleStatus.SATISFIED;
        };
    }

    static CompiledCondition any(List<CompiledCondition> parts) {
        CompiledCondition[] array = parts.toArray(CompiledCondition[]::new);
        return (previous, state, action) -> {
            boolean anyViolated = false;
            for (CompiledCondition part : array) {
                RuleStatus status = part.test(previous, state, action);
                if (status == RuleStatus.NOT_EVALUABLE) {
                    return RuleStatus.NOT_EVALUABLE;
                }
                anyViolated |= status == RuleStatus.VIOLATED;
            }
            return anyViolated ? RuleStatus.VIOLATED : RuleStatus.SATISFIED;
        };
    }

    static Value feature(int index) {
        return (previous, state, action) -> state[index];
    }

    static Value action(int index) {
        return (previous, state, action) -> action[index];
    }

    /** Undefined (NaN) for a zero denominator: 0 kg is a missing weight, not an infinite ratio. */
    static Value ratio(Value numerator, Value denominator) {
        return (previous, state, action) -> {
            double below = denominator.read(previous, state, action);
            if (below == 0) {
                return Double.NaN;
            }
            return numerator.read(previous, state, action) / below;
        };
    }

    static Value change(int index) {
        return (previous, state, action) -> previous == null ? Double.NaN : state[index] - previous[index];
    }
}
