package dev.vigil.safety.cost;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a comparison reads at a step, in the dataset's canonical units. A closed set: rule files cannot
 * express anything else, which keeps them safe to load from anywhere.
 */
public sealed interface Operand permits Operand.Feature, Operand.Action, Operand.Ratio, Operand.Change {

    /** The variable names read, in order. */
    List<String> names();

    /** How the operand is written in a rule file, e.g. {@code feature: spo2}. */
    String describe();

    /** The value of a state feature at the current step. */
    record Feature(String name) implements Operand {
        public Feature {
            Names.requireVariable(name, "feature");
        }

        @Override
        public List<String> names() {
            return List.of(name);
        }

        @Override
        public String describe() {
            return "feature: " + name;
        }
    }

    /** The value of an action at the current step. */
    record Action(String name) implements Operand {
        public Action {
            Names.requireVariable(name, "action");
        }

        @Override
        public List<String> names() {
            return List.of(name);
        }

        @Override
        public String describe() {
            return "action: " + name;
        }
    }

    /**
     * {@code numerator / denominator} at the current step; each is a feature or an action. A zero
     * denominator makes the ratio undefined, and the rule not evaluable.
     */
    record Ratio(String numerator, String denominator) implements Operand {
        public Ratio {
            Names.requireVariable(numerator, "ratio numerator");
            Names.requireVariable(denominator, "ratio denominator");
        }

        @Override
        public List<String> names() {
            return List.of(numerator, denominator);
        }

        @Override
        public String describe() {
            return "ratio: [" + numerator + ", " + denominator + "]";
        }
    }

    /**
     * The current value of a state feature minus its value at the previous step; undefined (so the rule is
     * not evaluable) at an episode's first step. "Rising" is {@code change > 0}.
     */
    record Change(String feature) implements Operand {
        public Change {
            Names.requireVariable(feature, "change");
        }

        @Override
        public List<String> names() {
            return List.of(feature);
        }

        @Override
        public String describe() {
            return "change: " + feature;
        }
    }

    /** Name checks shared by the operands. */
    final class Names {
        private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,127}");

        private Names() {
        }

        static void requireVariable(String name, String what) {
            if (name == null || !VARIABLE.matcher(name).matches()) {
                throw new IllegalArgumentException(what + " '" + name + "' is not a variable name: use the dataset's "
                        + "feature or action name (letters, digits, '_' and '.', starting with a letter or '_')");
            }
        }
    }
}
