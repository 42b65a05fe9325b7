package dev.vigil.offlinerl.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable finite MDP: S states, A actions, sparse transitions with a reward per transition, an initial
 * distribution, absorbing (terminal) states and the {@link Objective} that says what a return is.
 *
 * <p>Absorbing states end an episode as soon as they are entered and are worth 0: their rows are
 * self-loops with reward 0. Every other state has a row for every action. Rewards may depend on the next
 * state (R[s][a][s']); {@link #expectedReward(int, int)} gives R[s][a].
 */
public final class TabularMdp {

    /** How far probabilities may be from summing to 1. */
    public static final double TOLERANCE = 1e-9;

    private final int stateCount;
    private final int actionCount;
    private final TransitionRow[][] rows;
    private final double[] initial;
    private final boolean[] absorbing;
    private final Objective objective;

    /**
     * @param rows shape (S, A); rows of absorbing states may be null (they become self-loops with reward 0)
     * @param initial shape (S), summing to 1, zero on absorbing states
     * @param absorbing shape (S)
     * @throws IllegalArgumentException naming the state and action whose data is wrong
     */
    public TabularMdp(int stateCount, int actionCount, TransitionRow[][] rows, double[] initial, boolean[] absorbing,
            Objective objective) {
        if (stateCount < 1 || actionCount < 1) {
            throw new IllegalArgumentException("An MDP needs at least one state and one action, got " + stateCount
                    + " states and " + actionCount + " actions");
        }
        if (rows == null || initial == null || absorbing == null || objective == null) {
            throw new IllegalArgumentException("An MDP needs transition rows, an initial distribution, absorbing flags "
                    + "and an objective");
        }
        requireLength(rows.length, stateCount, "transition rows");
        requireLength(initial.length, stateCount, "initial probabilities");
        requireLength(absorbing.length, stateCount, "absorbing flags");
        this.stateCount = stateCount;
        this.actionCount = actionCount;
        this.absorbing = absorbing.clone();
        this.objective = objective;
        this.rows = new TransitionRow[stateCount][actionCount];
        for (int s = 0; s < stateCount; s++) {
            if (rows[s] == null && !this.absorbing[s]) {
                throw new IllegalArgumentException("State " + s + " has no transition rows; give one per action or mark it"
                        + " absorbing");
            }
            if (rows[s] != null) {
                requireLength(rows[s].length, actionCount, "transition rows for state " + s);
            }
            for (int a = 0; a < actionCount; a++) {
                this.rows[s][a] = checkedRow(s, a, rows[s] == null ? null : rows[s][a]);
            }
        }
        this.initial = checkedInitial(initial);
    }

    /**
     * Builds an MDP from dense tables.
     *
     * @param transitions shape (S, A, S): P[s][a][s']
     * @param rewards shape (S, A): R[s][a], the same for every next state
     */
    public static TabularMdp fromDense(double[][][] transitions, double[][] rewards, double[] initial,
            boolean[] absorbing, Objective objective) {
        double[][][] perNext = new double[transitions.length][][];
        for (int s = 0; s < transitions.length; s++) {
            perNext[s] = new double[transitions[s].length][];
            for (int a = 0; a < transitions[s].length; a++) {
                perNext[s][a] = new double[transitions[s][a].length];
                Arrays.fill(perNext[s][a], rewards[s][a]);
            }
        }
        return fromDense(transitions, perNext, initial, absorbing, objective);
    }

    /**
     * Builds an MDP from dense tables with rewards that depend on the next state.
     *
     * @param transitions shape (S, A, S): P[s][a][s']
     * @param rewards shape (S, A, S): R[s][a][s']
     */
    public static TabularMdp fromDense(double[][][] transitions, double[][][] rewards, double[] initial,
            boolean[] absorbing, Objective objective) {
        int states = transitions.length;
        if (states == 0 || transitions[0].length == 0) {
            throw new IllegalArgumentException("Dense transitions need shape (S, A, S) with S, A >= 1");
        }
        int actions = transitions[0].length;
        TransitionRow[][] rows = new TransitionRow[states][actions];
        for (int s = 0; s < states; s++) {
            requireLength(transitions[s].length, actions, "actions of state " + s);
            for (int a = 0; a < actions; a++) {
                requireLength(transitions[s][a].length, states, "next states of state " + s + ", action " + a);
                List<Integer> next = new ArrayList<>();
                for (int n = 0; n < states; n++) {
                    if (transitions[s][a][n] < 0 || Double.isNaN(transitions[s][a][n])) {
                        throw new IllegalArgumentException("P[" + s + "][" + a + "][" + n + "] = " + transitions[s][a][n]
                                + "; probabilities must be non-negative");
                    }
                    if (transitions[s][a][n] > 0) {
                        next.add(n);
                    }
                }
                int[] ids = next.stream().mapToInt(Integer::intValue).toArray();
                double[] p = new double[ids.length];
                double[] r = new double[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    p[i] = transitions[s][a][ids[i]];
                    r[i] = rewards[s][a][ids[i]];
                }
                if (ids.length == 0) {
                    throw new IllegalArgumentException("Transitions from state " + s + " under action " + a
                            + " are all 0; they must sum to 1");
                }
                rows[s][a] = row(s, a, ids, p, r);
            }
        }
        return new TabularMdp(states, actions, rows, initial, absorbing, objective);
    }

    /** The same dynamics judged by another objective. */
    public TabularMdp withObjective(Objective other) {
        return new TabularMdp(this, other);
    }

    private TabularMdp(TabularMdp source, Objective objective) {
        if (objective == null) {
            throw new IllegalArgumentException("An MDP needs an objective");
        }
        this.stateCount = source.stateCount;
        this.actionCount = source.actionCount;
        this.rows = source.rows;
        this.initial = source.initial;
        this.absorbing = source.absorbing;
        this.objective = objective;
    }

    public int stateCount() {
        return stateCount;
    }

    public int actionCount() {
        return actionCount;
    }

    public Objective objective() {
        return objective;
    }

    /** Where action {@code a} in state {@code s} leads. */
    public TransitionRow row(int s, int a) {
        return rows[s][a];
    }

    /** P[s][a][next]. */
    public double probability(int s, int a, int next) {
        return rows[s][a].probabilityOf(next);
    }

    /** R[s][a]: the reward expected from taking {@code a} in {@code s}. */
    public double expectedReward(int s, int a) {
        return rows[s][a].expectedReward();
    }

    /** The probability that an episode starts in {@code s}. */
    public double initialProbability(int s) {
        return initial[s];
    }

    /** A copy of the initial distribution, shape (S). */
    public double[] initialDistribution() {
        return initial.clone();
    }

    /** Whether entering {@code s} ends the episode. */
    public boolean isAbsorbing(int s) {
        return absorbing[s];
    }

    @Override
    public String toString() {
        return "TabularMdp[" + stateCount + " states, " + actionCount + " actions, " + objective + "]";
    }

    private TransitionRow checkedRow(int s, int a, TransitionRow row) {
        if (absorbing[s]) {
            if (row == null) {
                return TransitionRow.certain(s, 0);
            }
            if (row.size() != 1 || row.nextState(0) != s || row.reward(0) != 0) {
                throw new IllegalArgumentException("State " + s + " is absorbing, but its row for action " + a + " is not "
                        + "a self-loop with reward 0; leave the row out or make it one");
            }
            return row;
        }
        if (row == null) {
            throw new IllegalArgumentException("State " + s + " has no row for action " + a + "; every non-absorbing "
                    + "state needs a row for each of the " + actionCount + " actions");
        }
        for (int i = 0; i < row.size(); i++) {
            if (row.nextState(i) >= stateCount) {
                throw new IllegalArgumentException("State " + s + ", action " + a + " leads to state " + row.nextState(i)
                        + ", but the MDP has " + stateCount + " states (ids 0.." + (stateCount - 1) + ")");
            }
        }
        return row;
    }

    private double[] checkedInitial(double[] values) {
        double[] copy = values.clone();
        double sum = 0;
        for (int s = 0; s < stateCount; s++) {
            if (!(copy[s] >= 0 && copy[s] <= 1 + TOLERANCE)) {
                throw new IllegalArgumentException("The initial probability of state " + s + " is " + copy[s]
                        + "; it must be in [0, 1]");
            }
            if (copy[s] > 0 && absorbing[s]) {
                throw new IllegalArgumentException("The initial distribution puts " + copy[s] + " on absorbing state " + s
                        + "; episodes must start in a non-absorbing state");
            }
            sum += copy[s];
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException("The initial distribution sums to " + sum + "; it must sum to 1 within "
                    + TOLERANCE);
        }
        return copy;
    }

    private static TransitionRow row(int s, int a, int[] next, double[] p, double[] r) {
        try {
            return new TransitionRow(next, p, r);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("State " + s + ", action " + a + ": " + e.getMessage(), e);
        }
    }

    private static void requireLength(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("Expected " + expected + " " + what + ", got " + actual);
        }
    }
}
