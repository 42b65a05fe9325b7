package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import java.util.SplittableRandom;

/**
 * A learned policy over continuous states and actions, in the dataset's own units (the policy scales its
 * input and output itself, so callers never see the [-1, 1] training scale).
 */
public interface ContinuousPolicy {

    /** Length of the state vector {@link #act} takes (the dataset's state features, in dataset order). */
    int stateDimension();

    /** Length of the action vector {@link #act} returns (the dataset's action columns, in dataset order). */
    int actionDimension();

    /**
     * The policy's deterministic (mean) action for a state, clipped to the action range seen in the data.
     *
     * @throws IllegalArgumentException when the state has the wrong length or a non-finite value
     */
    double[] act(double[] state);

    /** A draw from a stochastic policy; deterministic policies return {@link #act}. */
    default double[] sample(double[] state, SplittableRandom rng) {
        return act(state);
    }

    /** The network behind {@link #act}, with its input and output scaling: what ONNX export writes. */
    MlpSnapshot network();

    /** Algorithm, config, data, rule set and code the policy came from. */
    PolicyProvenance provenance();

    /** Summary figures of the fit (final return, cost, OOD share, ...). */
    FitReport report();
}
