package dev.vigil.offlinerl.ope;

import dev.vigil.offlinerl.tabular.PolicyValue;

/**
 * A table of action values, one stage when stationary (discounted, infinite horizon) or one per step for a
 * horizon H (stage t: the decision at step t, with H - t decisions left), as {@link PolicyValue} has them.
 *
 * @param stages shape (stages, S, A)
 */
public record TabularQFunction(double[][][] stages) {

    public TabularQFunction {
        if (stages == null || stages.length == 0 || stages[0].length == 0) {
            throw new IllegalArgumentException("A Q table needs at least one stage with shape (S, A)");
        }
        double[][][] copy = new double[stages.length][][];
        for (int t = 0; t < stages.length; t++) {
            copy[t] = new double[stages[t].length][];
            for (int s = 0; s < stages[t].length; s++) {
                copy[t][s] = stages[t][s].clone();
            }
        }
        stages = copy;
    }

    /** The exact Q of a policy, e.g. to check that doubly robust estimation with the true model is exact. */
    public static TabularQFunction of(PolicyValue value) {
        return new TabularQFunction(value.actionValues());
    }

    /** Q(s, .) at step t, shape (A). */
    public double[] values(int step, int state) {
        if (stages.length > 1 && step >= stages.length) {
            throw new IllegalArgumentException("The Q table has " + stages.length + " stages (a horizon of "
                    + stages.length + "), but step " + step + " was asked for; episodes must not be longer than the "
                    + "horizon");
        }
        return stages[stages.length == 1 ? 0 : step][state].clone();
    }

    /** The table read at each logged step of {@code data}, for the doubly robust estimators. */
    public StepActionValues at(OpeDataset data) {
        if (!data.isTabular()) {
            throw new IllegalArgumentException("A Q table needs a dataset with tabular states");
        }
        return (episode, step) -> values(step, data.episodes().get(episode).state(step));
    }

    @Override
    public double[][][] stages() {
        double[][][] copy = new double[stages.length][][];
        for (int t = 0; t < stages.length; t++) {
            copy[t] = new double[stages[t].length][];
            for (int s = 0; s < stages[t].length; s++) {
                copy[t][s] = stages[t][s].clone();
            }
        }
        return copy;
    }
}
