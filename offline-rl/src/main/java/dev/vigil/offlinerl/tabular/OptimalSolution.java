package dev.vigil.offlinerl.tabular;

/**
 * Optimal values and a deterministic optimal policy.
 *
 * <p>For a discounted infinite-horizon objective there is one stage (the optimal policy is stationary);
 * for a horizon H there are H stages and stage t is the decision with H - t decisions left.
 *
 * @param values shape (stages, S): optimal V at each stage (absorbing states 0)
 * @param actions shape (stages, S): an optimal action at each stage, the lowest id among ties
 * @param expectedReturn sum over s of initial(s) * values[0][s]
 * @param iterations sweeps made (H for a finite horizon)
 */
public record OptimalSolution(double[][] values, int[][] actions, double expectedReturn, int iterations) {

    public OptimalSolution {
        if (values == null || actions == null || values.length == 0 || values.length != actions.length) {
            throw new IllegalArgumentException("An optimal solution needs values and actions for the same stages");
        }
        values = copy(values);
        int[][] a = new int[actions.length][];
        for (int t = 0; t < a.length; t++) {
            a[t] = actions[t].clone();
        }
        actions = a;
    }

    /** Optimal values of the first decision, shape (S). */
    public double[] initialValues() {
        return values[0].clone();
    }

    /** The optimal action in state s with stage t (0 for a stationary solution). */
    public int action(int stage, int s) {
        return actions[stage][s];
    }

    /** The first-stage policy as a deterministic {@link TabularPolicy}; the optimal policy when stationary. */
    public TabularPolicy policy(int actionCount) {
        return TabularPolicy.deterministic(actions[0], actionCount);
    }

    @Override
    public double[][] values() {
        return copy(values);
    }

    @Override
    public int[][] actions() {
        int[][] a = new int[actions.length][];
        for (int t = 0; t < a.length; t++) {
            a[t] = actions[t].clone();
        }
        return a;
    }

    private static double[][] copy(double[][] source) {
        double[][] c = new double[source.length][];
        for (int t = 0; t < c.length; t++) {
            c[t] = source[t].clone();
        }
        return c;
    }
}
