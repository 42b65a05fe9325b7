package dev.vigil.offlinerl.tabular;

/**
 * A stationary stochastic policy over S states and A actions.
 *
 * <p>Like every record holding arrays, {@code equals} compares by identity.
 *
 * @param probabilities shape (S, A): pi(a | s); rows are non-negative and sum to 1 within
 *     {@link TabularMdp#TOLERANCE}
 */
public record TabularPolicy(double[][] probabilities) {

    public TabularPolicy {
        if (probabilities == null || probabilities.length == 0 || probabilities[0] == null
                || probabilities[0].length == 0) {
            throw new IllegalArgumentException("A policy needs shape (S, A) with S, A >= 1");
        }
        int actions = probabilities[0].length;
        double[][] copy = new double[probabilities.length][];
        for (int s = 0; s < probabilities.length; s++) {
            if (probabilities[s] == null || probabilities[s].length != actions) {
                throw new IllegalArgumentException("State " + s + " of the policy has "
                        + (probabilities[s] == null ? 0 : probabilities[s].length) + " action probabilities; every state"
                        + " needs " + actions);
            }
            copy[s] = probabilities[s].clone();
            double sum = 0;
            for (int a = 0; a < actions; a++) {
                if (!(copy[s][a] >= 0 && copy[s][a] <= 1 + TabularMdp.TOLERANCE)) {
                    throw new IllegalArgumentException("pi(" + a + " | " + s + ") = " + copy[s][a]
                            + "; probabilities must be in [0, 1]");
                }
                sum += copy[s][a];
            }
            if (Math.abs(sum - 1) > TabularMdp.TOLERANCE) {
                throw new IllegalArgumentException("The action probabilities of state " + s + " sum to " + sum
                        + "; they must sum to 1 within " + TabularMdp.TOLERANCE);
            }
        }
        probabilities = copy;
    }

    /** The policy that takes {@code actions[s]} in state s. */
    public static TabularPolicy deterministic(int[] actions, int actionCount) {
        double[][] p = new double[actions.length][actionCount];
        for (int s = 0; s < actions.length; s++) {
            if (actions[s] < 0 || actions[s] >= actionCount) {
                throw new IllegalArgumentException("State " + s + " takes action " + actions[s] + ", but there are "
                        + actionCount + " actions (ids 0.." + (actionCount - 1) + ")");
            }
            p[s][actions[s]] = 1;
        }
        return new TabularPolicy(p);
    }

    /** Every action with probability 1/A in every state. */
    public static TabularPolicy uniform(int stateCount, int actionCount) {
        double[][] p = new double[stateCount][actionCount];
        for (double[] row : p) {
            java.util.Arrays.fill(row, 1.0 / actionCount);
        }
        return new TabularPolicy(p);
    }

    public int stateCount() {
        return probabilities.length;
    }

    public int actionCount() {
        return probabilities[0].length;
    }

    /** pi(a | s). */
    public double probability(int s, int a) {
        return probabilities[s][a];
    }

    /** A copy of pi(. | s), shape (A). */
    public double[] row(int s) {
        return probabilities[s].clone();
    }

    /**
     * {@code (1 - epsilon) * pi + epsilon / A}: every action keeps at least epsilon / A, so importance ratios
     * against this policy stay finite.
     */
    public TabularPolicy soften(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("Softening needs epsilon in [0, 1], got " + epsilon);
        }
        int actions = actionCount();
        double[][] p = new double[probabilities.length][actions];
        for (int s = 0; s < p.length; s++) {
            for (int a = 0; a < actions; a++) {
                p[s][a] = (1 - epsilon) * probabilities[s][a] + epsilon / actions;
            }
        }
        return new TabularPolicy(p);
    }

    /** A copy of the table, shape (S, A). */
    @Override
    public double[][] probabilities() {
        double[][] copy = new double[probabilities.length][];
        for (int s = 0; s < copy.length; s++) {
            copy[s] = probabilities[s].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "TabularPolicy[" + stateCount() + " states, " + actionCount() + " actions]";
    }
}
