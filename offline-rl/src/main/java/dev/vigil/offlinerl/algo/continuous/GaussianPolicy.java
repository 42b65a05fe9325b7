package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import java.util.SplittableRandom;

/**
 * A trained Gaussian policy in dataset units: {@link #act} is the mean network ({@link #network()}, which ends in
 * a bounded tanh and so stays within the logged action range, its ends included), {@link #sample} adds the learned state-independent noise on the
 * [-1, 1] scale and clips to the range.
 */
public final class GaussianPolicy implements ContinuousPolicy {

    private final MlpSnapshot network;
    private final double[] logStd;
    private final PolicyProvenance provenance;
    private final FitReport report;

    /**
     * @param logStd the learned log standard deviations on the [-1, 1] action scale
     */
    public GaussianPolicy(MlpSnapshot network, double[] logStd, PolicyProvenance provenance, FitReport report) {
        if (network == null || logStd == null || logStd.length != network.outputScale().length) {
            throw new IllegalArgumentException("A Gaussian policy needs its mean network and one log-std per action");
        }
        this.network = network;
        this.logStd = logStd.clone();
        this.provenance = provenance;
        this.report = report;
    }

    @Override
    public int stateDimension() {
        return network.inputScale().length;
    }

    @Override
    public int actionDimension() {
        return logStd.length;
    }

    @Override
    public double[] act(double[] state) {
        check(state);
        return clip(network.apply(state));
    }

    @Override
    public double[] sample(double[] state, SplittableRandom rng) {
        check(state);
        double[] y = network.apply(state);
        double[] scale = network.outputScale();
        for (int j = 0; j < y.length; j++) {
            y[j] += scale[j] * Math.exp(logStd[j]) * GaussianPolicyNetwork.gaussian(rng);
        }
        return clip(y);
    }

    /** The learned log standard deviations on the [-1, 1] action scale. */
    public double[] logStd() {
        return logStd.clone();
    }

    @Override
    public MlpSnapshot network() {
        return network;
    }

    @Override
    public PolicyProvenance provenance() {
        return provenance;
    }

    @Override
    public FitReport report() {
        return report;
    }

    private void check(double[] state) {
        if (state == null || state.length != stateDimension()) {
            throw new IllegalArgumentException("The policy takes a state of " + stateDimension() + " features; got "
                    + (state == null ? "null" : state.length));
        }
        for (int j = 0; j < state.length; j++) {
            if (!Double.isFinite(state[j])) {
                throw new IllegalArgumentException("State feature " + j + " is " + state[j] + "; impute missing "
                        + "values before asking the policy");
            }
        }
    }

    /** Clips to the logged range: the image of [-1, 1] under the output scaling. */
    private double[] clip(double[] y) {
        double[] scale = network.outputScale();
        double[] shift = network.outputShift();
        for (int j = 0; j < y.length; j++) {
            double lo = shift[j] - Math.abs(scale[j]);
            double hi = shift[j] + Math.abs(scale[j]);
            y[j] = Math.max(lo, Math.min(hi, y[j]));
        }
        return y;
    }
}
