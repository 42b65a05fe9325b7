package dev.vigil.offlinerl.simulator.sepsis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The exact distribution of a random procedure written against {@link Chance}: runs it once per sequence
 * of outcomes (depth first, replaying a prefix of choices), multiplies the probabilities of the choices
 * made, and adds up runs with the same result.
 */
final class ChanceEnumerator {

    private ChanceEnumerator() {
    }

    /** Result (e.g. a state index) to its probability; outcomes of probability 0 are left out. */
    static Map<Integer, Double> distribution(Function<Chance, Integer> procedure) {
        Map<Integer, Double> result = new TreeMap<>();
        List<Integer> choices = new ArrayList<>();
        List<Integer> options = new ArrayList<>();
        while (true) {
            Scripted chance = new Scripted(choices, options);
            int outcome = procedure.apply(chance);
            if (chance.probability > 0) {
                result.merge(outcome, chance.probability, Double::sum);
            }
            // Advance to the next sequence: bump the deepest choice that has options left, drop what follows.
            int depth = chance.depth - 1;
            while (depth >= 0 && choices.get(depth) + 1 >= options.get(depth)) {
                depth--;
            }
            if (depth < 0) {
                return result;
            }
            choices.set(depth, choices.get(depth) + 1);
            choices.subList(depth + 1, choices.size()).clear();
            options.subList(depth + 1, options.size()).clear();
        }
    }

    /** Replays the given choices, then takes outcome 0 of each new draw and records how many it had. */
    private static final class Scripted implements Chance {

        private final List<Integer> choices;
        private final List<Integer> options;
        private int depth;
        private double probability = 1;

        Scripted(List<Integer> choices, List<Integer> options) {
            this.choices = choices;
            this.options = options;
        }

        @Override
        public int draw(double... probabilities) {
            if (depth == choices.size()) {
                choices.add(0);
                options.add(probabilities.length + 1);
            }
            int choice = choices.get(depth++);
            double rest = 1;
            for (double p : probabilities) {
                rest -= p;
            }
            probability *= choice < probabilities.length ? probabilities[choice] : Math.max(0, rest);
            return choice;
        }
    }
}
