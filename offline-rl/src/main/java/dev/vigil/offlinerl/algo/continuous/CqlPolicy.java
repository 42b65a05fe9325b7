package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;

/**
 * The deterministic actor a continuous CQL learner trained, with its critic kept for inspection.
 *
 * @param network the actor in dataset units (min-max input scaling, tanh output scaled to the logged dose range)
 * @param critic the critic in dataset units: input the state followed by the action, output Q
 * @param actionMin the smallest logged dose of each action; {@link #act} clips to [actionMin, actionMax]
 * @param actionMax the largest logged dose of each action
 */
public record CqlPolicy(MlpSnapshot network, MlpSnapshot critic, double[] actionMin, double[] actionMax,
        PolicyProvenance provenance, FitReport report) implements ContinuousPolicy {

    public CqlPolicy {
        if (network == null || critic == null || provenance == null || report == null) {
            throw new IllegalArgumentException("A CQL policy needs its actor, critic, provenance and report");
        }
        actionMin = actionMin.clone();
        actionMax = actionMax.clone();
    }

    @Override
    public int stateDimension() {
        return network.inputScale().length;
    }

    @Override
    public int actionDimension() {
        return network.outputScale().length;
    }

    @Override
    public double[] act(double[] state) {
        requireState(state);
        double[] a = network.apply(state);
        for (int j = 0; j < a.length; j++) {
            a[j] = Math.min(actionMax[j], Math.max(actionMin[j], a[j]));
        }
        return a;
    }

    /** The critic's Q of a state and an action, both in dataset units. */
    public double qValue(double[] state, double[] action) {
        requireState(state);
        if (action == null || action.length != actionDimension()) {
            throw new IllegalArgumentException("The action needs " + actionDimension() + " values; got "
                    + (action == null ? "null" : action.length));
        }
        double[] x = new double[state.length + action.length];
        System.arraycopy(state, 0, x, 0, state.length);
        System.arraycopy(action, 0, x, state.length, action.length);
        return critic.apply(x)[0];
    }

    private void requireState(double[] state) {
        if (state == null || state.length != stateDimension()) {
            throw new IllegalArgumentException("The state needs " + stateDimension() + " features; got "
                    + (state == null ? "null" : state.length));
        }
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException("State feature " + i + " is " + state[i]
                        + "; fill missing values (e.g. with the training mean) before asking the policy");
            }
        }
    }

    @Override
    public double[] actionMin() {
        return actionMin.clone();
    }

    @Override
    public double[] actionMax() {
        return actionMax.clone();
    }
}
