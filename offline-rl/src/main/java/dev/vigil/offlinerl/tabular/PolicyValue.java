package dev.vigil.offlinerl.tabular;

/**
 * The exact value of a policy.
 *
 * @param values shape (S): V of the first decision (absorbing states 0)
 * @param actionValues shape (stages, S, A): Q per stage, one stage when discounted and infinite, H stages for
 *     a horizon H where stage t has H - t decisions left
 * @param expectedReturn sum over s of initial(s) * values[s]: what an episode returns on average
 */
public record PolicyValue(double[] values, double[][][] actionValues, double expectedReturn) {

    public PolicyValue {
        if (values == null || actionValues == null || actionValues.length == 0) {
            throw new IllegalArgumentException("A policy value needs V and at least one stage of Q");
        }
        values = values.clone();
        actionValues = copy(actionValues);
    }

    /** V(s) at the first decision. */
    public double value(int s) {
        return values[s];
    }

    /** Q(s, a) at {@code stage} (0 for the stationary case). */
    public double actionValue(int stage, int s, int a) {
        return actionValues[stage][s][a];
    }

    /** Number of stages of Q. */
    public int stages() {
        return actionValues.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[][][] actionValues() {
        return copy(actionValues);
    }

    private static double[][][] copy(double[][][] q) {
        double[][][] c = new double[q.length][][];
        for (int t = 0; t < q.length; t++) {
            c[t] = new double[q[t].length][];
            for (int s = 0; s < q[t].length; s++) {
                c[t][s] = q[t][s].clone();
            }
        }
        return c;
    }
}
