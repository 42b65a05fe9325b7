package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;

/**
 * A continuous policy read back from storage: its network snapshot (with the scaling to and from dataset
 * units), provenance and fit summary. Deterministic: it answers the network's output.
 */
public record SnapshotPolicy(MlpSnapshot network, PolicyProvenance provenance, FitReport report)
        implements ContinuousPolicy {

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
        if (state == null || state.length != stateDimension()) {
            throw new IllegalArgumentException("The policy reads " + stateDimension() + " state features, got "
                    + (state == null ? "none" : state.length));
        }
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException("State feature " + i + " is " + state[i] + "; impute it first");
            }
        }
        return network.apply(state);
    }
}
