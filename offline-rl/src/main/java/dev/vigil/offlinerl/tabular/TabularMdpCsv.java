package dev.vigil.offlinerl.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link TabularMdp} from CSV tables in one directory (formats in {@code docs/ope.md}):
 * {@code transitions.csv} ({@code state,action,next_state,probability}), {@code rewards.csv}
 * ({@code state,action,reward} with an optional {@code next_state} column), {@code initial.csv}
 * ({@code state,probability}) and, optionally, {@code terminal.csv} ({@code state}).
 *
 * <p>The number of states is one more than the largest state id in any table, the number of actions one
 * more than the largest action id. Rewards not listed are 0. Every error names the file, line and field.
 */
public final class TabularMdpCsv {

    public static final String TRANSITIONS = "transitions.csv";
    public static final String REWARDS = "rewards.csv";
    public static final String INITIAL = "initial.csv";
    public static final String TERMINAL = "terminal.csv";

    private TabularMdpCsv() {
    }

    /**
     * @throws MdpFormatException naming file, line and field when a table is wrong
     * @throws IOException when a required file cannot be read
     */
    public static TabularMdp read(Path directory, Objective objective) throws IOException {
        CsvTable transitions = CsvTable.read(require(directory, TRANSITIONS),
                List.of("state", "action", "next_state", "probability"), null);
        CsvTable rewards = CsvTable.read(require(directory, REWARDS), List.of("state", "action", "reward"),
                "next_state");
        CsvTable initial = CsvTable.read(require(directory, INITIAL), List.of("state", "probability"), null);
        Path terminalPath = directory.resolve(TERMINAL);
        CsvTable terminal = Files.exists(terminalPath) ? CsvTable.read(terminalPath, List.of("state"), null) : null;

        int states = 0;
        int actions = 0;
        for (CsvTable.Row row : transitions.rows()) {
            states = Math.max(states, 1 + Math.max(transitions.id(row, "state"), transitions.id(row, "next_state")));
            actions = Math.max(actions, 1 + transitions.id(row, "action"));
        }
        for (CsvTable.Row row : rewards.rows()) {
            states = Math.max(states, 1 + rewards.id(row, "state"));
            actions = Math.max(actions, 1 + rewards.id(row, "action"));
        }
        for (CsvTable.Row row : initial.rows()) {
            states = Math.max(states, 1 + initial.id(row, "state"));
        }
        if (terminal != null) {
            for (CsvTable.Row row : terminal.rows()) {
                states = Math.max(states, 1 + terminal.id(row, "state"));
            }
        }
        if (states == 0 || actions == 0) {
            throw new MdpFormatException(TRANSITIONS, 0, "", "has no rows; give at least one transition");
        }

        boolean[] absorbing = readTerminal(terminal, states);
        Map<Long, TreeMap<Integer, Double>> probabilities = new HashMap<>();
        Map<Long, Integer> firstLine = new HashMap<>();
        Map<Long, Integer> transitionLine = new HashMap<>();
        for (CsvTable.Row row : transitions.rows()) {
            int s = transitions.id(row, "state");
            int a = transitions.id(row, "action");
            int next = transitions.id(row, "next_state");
            double p = transitions.number(row, "probability");
            if (p < 0 || p > 1) {
                throw transitions.error(row, "probability", p + " is not in [0, 1]");
            }
            if (absorbing[s]) {
                throw transitions.error(row, "state", "state " + s + " is listed in " + TERMINAL + "; absorbing states "
                        + "have no rows (they loop on themselves with reward 0)");
            }
            long key = key(s, a, actions);
            Integer previous = transitionLine.put(key * states + next, row.line());
            if (previous != null) {
                throw transitions.error(row, "next_state", "state " + s + ", action " + a + ", next state " + next
                        + " is already given on line " + previous);
            }
            firstLine.putIfAbsent(key, row.line());
            if (p > 0) {
                probabilities.computeIfAbsent(key, k -> new TreeMap<>()).put(next, p);
            }
        }
        Map<Long, double[]> transitionRewards = readRewards(rewards, probabilities, absorbing, states, actions);

        TransitionRow[][] rows = new TransitionRow[states][];
        for (int s = 0; s < states; s++) {
            if (absorbing[s]) {
                continue;
            }
            rows[s] = new TransitionRow[actions];
            for (int a = 0; a < actions; a++) {
                long key = key(s, a, actions);
                TreeMap<Integer, Double> next = probabilities.get(key);
                if (next == null) {
                    throw new MdpFormatException(TRANSITIONS, firstLine.getOrDefault(key, 0), "",
                            "state " + s + " has no positive-probability row for action " + a + " (there are " + actions
                                    + " actions); give its rows, or list the state in " + TERMINAL);
                }
                int[] ids = next.keySet().stream().mapToInt(Integer::intValue).toArray();
                double[] p = next.values().stream().mapToDouble(Double::doubleValue).toArray();
                double sum = 0;
                for (double value : p) {
                    sum += value;
                }
                if (Math.abs(sum - 1) > TabularMdp.TOLERANCE) {
                    throw new MdpFormatException(TRANSITIONS, firstLine.get(key), "probability", "the probabilities of "
                            + "state " + s + ", action " + a + " sum to " + sum + "; they must sum to 1 within "
                            + TabularMdp.TOLERANCE);
                }
                double[] r = transitionRewards.getOrDefault(key, new double[states]);
                double[] perNext = new double[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    perNext[i] = r[ids[i]];
                }
                rows[s][a] = new TransitionRow(ids, p, perNext);
            }
        }
        return new TabularMdp(states, actions, rows, readInitial(initial, absorbing, states), absorbing, objective);
    }

    private static boolean[] readTerminal(CsvTable terminal, int states) {
        boolean[] absorbing = new boolean[states];
        if (terminal == null) {
            return absorbing;
        }
        for (CsvTable.Row row : terminal.rows()) {
            int s = terminal.id(row, "state");
            if (absorbing[s]) {
                throw terminal.error(row, "state", "state " + s + " is listed twice");
            }
            absorbing[s] = true;
        }
        return absorbing;
    }

    /** Per (state, action): the reward of each next state, shape (S). */
    private static Map<Long, double[]> readRewards(CsvTable rewards, Map<Long, TreeMap<Integer, Double>> probabilities,
            boolean[] absorbing, int states, int actions) {
        Map<Long, double[]> result = new HashMap<>();
        Map<Long, Integer> wholeRowLine = new HashMap<>();
        Map<Long, Integer> specificLine = new HashMap<>();
        Map<Long, Integer> transitionLine = new HashMap<>();
        boolean withNext = rewards.has("next_state");
        for (CsvTable.Row row : rewards.rows()) {
            int s = rewards.id(row, "state");
            int a = rewards.id(row, "action");
            double reward = rewards.number(row, "reward");
            long key = key(s, a, actions);
            if (absorbing[s]) {
                throw rewards.error(row, "state", "state " + s + " is absorbing; its reward is always 0");
            }
            TreeMap<Integer, Double> next = probabilities.get(key);
            if (next == null) {
                throw rewards.error(row, "action", "state " + s + ", action " + a + " has no rows in " + TRANSITIONS);
            }
            double[] perNext = result.computeIfAbsent(key, k -> new double[states]);
            if (!withNext || rewards.isEmpty(row, "next_state")) {
                Integer previous = wholeRowLine.containsKey(key) ? wholeRowLine.get(key) : specificLine.get(key);
                if (previous != null) {
                    throw rewards.error(row, "action", "state " + s + ", action " + a + " already has a reward on line "
                            + previous + "; give either one reward for the pair or one per next state");
                }
                wholeRowLine.put(key, row.line());
                java.util.Arrays.fill(perNext, reward);
            } else {
                int n = rewards.id(row, "next_state");
                if (!next.containsKey(n)) {
                    throw rewards.error(row, "next_state", "state " + s + ", action " + a + " never leads to state " + n
                            + " (no positive probability in " + TRANSITIONS + ")");
                }
                Integer previous = wholeRowLine.get(key);
                if (previous != null) {
                    throw rewards.error(row, "next_state", "state " + s + ", action " + a + " already has a reward for "
                            + "every next state on line " + previous);
                }
                Integer same = transitionLine.put(key * states + n, row.line());
                if (same != null) {
                    throw rewards.error(row, "next_state", "the reward of state " + s + ", action " + a + ", next state "
                            + n + " is already given on line " + same);
                }
                specificLine.putIfAbsent(key, row.line());
                perNext[n] = reward;
            }
        }
        return result;
    }

    private static double[] readInitial(CsvTable initial, boolean[] absorbing, int states) {
        double[] p = new double[states];
        Map<Integer, Integer> lines = new HashMap<>();
        double sum = 0;
        for (CsvTable.Row row : initial.rows()) {
            int s = initial.id(row, "state");
            double value = initial.number(row, "probability");
            if (value < 0 || value > 1) {
                throw initial.error(row, "probability", value + " is not in [0, 1]");
            }
            Integer previous = lines.put(s, row.line());
            if (previous != null) {
                throw initial.error(row, "state", "state " + s + " is already given on line " + previous);
            }
            if (value > 0 && absorbing[s]) {
                throw initial.error(row, "state", "state " + s + " is absorbing; episodes must start elsewhere");
            }
            p[s] = value;
            sum += value;
        }
        if (Math.abs(sum - 1) > TabularMdp.TOLERANCE) {
            throw new MdpFormatException(INITIAL, 0, "probability", "the probabilities sum to " + sum + "; they must "
                    + "sum to 1 within " + TabularMdp.TOLERANCE);
        }
        return p;
    }

    private static Path require(Path directory, String name) {
        Path path = directory.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new MdpFormatException(name, 0, "", "not found in " + directory + "; a tabular MDP needs "
                    + TRANSITIONS + ", " + REWARDS + " and " + INITIAL);
        }
        return path;
    }

    private static long key(int state, int action, int actions) {
        return (long) state * actions + action;
    }
}
