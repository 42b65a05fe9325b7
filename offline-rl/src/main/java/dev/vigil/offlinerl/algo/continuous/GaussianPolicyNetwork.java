package dev.vigil.offlinerl.algo.continuous;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The trainable Gaussian policy on the [-1, 1] training scale: mean = MLP(state) with tanh hidden layers and a
 * bounded tanh output ({@link MlpSnapshot.Activation#BOUNDED_TANH}: the mean can reach the ends of the data's action
 * range, e.g. exactly no vasopressor), and a state-independent log standard deviation per action
 * (initialised to -0.5, as released). The flat parameter vector the trust-region step moves is the MLP's parameters
 * followed by the log-stds.
 */
public final class GaussianPolicyNetwork {

    private final Mlp mean;
    private final double[] logStd;

    /**
     * @param hidden hidden widths, e.g. {128, 128}
     */
    public GaussianPolicyNetwork(int stateDimension, int actionDimension, int[] hidden, double logStdInit,
            SplittableRandom rng) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = stateDimension;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = actionDimension;
        this.mean = new Mlp(sizes, MlpSnapshot.Activation.BOUNDED_TANH);
        mean.initialise(rng, 0.1);
        this.logStd = new double[actionDimension];
        Arrays.fill(logStd, logStdInit);
    }

    public int parameterCount() {
        return mean.parameterCount() + logStd.length;
    }

    public int actionDimension() {
        return logStd.length;
    }

    /** MLP parameters then log-stds (a copy). */
    public double[] parameters() {
        double[] p = new double[parameterCount()];
        System.arraycopy(mean.parameters(), 0, p, 0, mean.parameterCount());
        System.arraycopy(logStd, 0, p, mean.parameterCount(), logStd.length);
        return p;
    }

    public void setParameters(double[] p) {
        if (p.length != parameterCount()) {
            throw new IllegalArgumentException("Expected " + parameterCount() + " policy parameters, got " + p.length);
        }
        mean.setParameters(Arrays.copyOf(p, mean.parameterCount()));
        System.arraycopy(p, mean.parameterCount(), logStd, 0, logStd.length);
    }

    /**
     * Starts the mean at {@code action} (scaled, clipped to [-1, 1]) everywhere: the bounded tanh output's bias is
     * set to {@code atanh(action / g)}, finite even at the range's ends.
     */
    public void startAt(double[] action) {
        double[] bias = new double[action.length];
        for (int j = 0; j < bias.length; j++) {
            double a = Math.max(-1, Math.min(1, action[j])) / MlpSnapshot.BOUNDED_TANH_GAIN;
            bias[j] = 0.5 * Math.log((1 + a) / (1 - a));
        }
        mean.setOutputBias(bias);
    }

    public double[] logStd() {
        return logStd.clone();
    }

    /** Replaces the log standard deviations (one per action, finite). */
    void setLogStd(double[] values) {
        if (values.length != logStd.length) {
            throw new IllegalArgumentException("Expected " + logStd.length + " log-stds, got " + values.length);
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("A log-std must be finite; got " + v);
            }
        }
        System.arraycopy(values, 0, logStd, 0, logStd.length);
    }

    /** The mean network (shared, not a copy): for snapshots. */
    Mlp meanNetwork() {
        return mean;
    }

    public double[] mean(double[] state) {
        return mean.apply(state);
    }

    /** A draw {@code mean + std * N(0, 1)} (not clipped: the log-probability is of this value). */
    public double[] sample(double[] state, SplittableRandom rng) {
        double[] mu = mean(state);
        for (int j = 0; j < mu.length; j++) {
            mu[j] += Math.exp(logStd[j]) * gaussian(rng);
        }
        return mu;
    }

    /** log N(action; mu, diag(exp(logStd))^2). */
    public static double logProb(double[] mu, double[] logStd, double[] action) {
        double sum = 0;
        for (int j = 0; j < mu.length; j++) {
            double z = (action[j] - mu[j]) * Math.exp(-logStd[j]);
            sum += -0.5 * z * z - logStd[j] - 0.5 * Math.log(2 * Math.PI);
        }
        return sum;
    }

    public double logProb(double[] state, double[] action) {
        return logProb(mean(state), logStd, action);
    }

    /**
     * Gradient of {@code (1/scale) sum_n weights[n] * log pi(actions[n] | states[n])} over the flat parameters:
     * the policy-gradient (and, at the current parameters, the surrogate's) direction.
     */
    public double[] weightedLogProbGradient(double[][] states, double[][] actions, double[] weights, double scale) {
        double[] g = new double[parameterCount()];
        int offset = mean.parameterCount();
        double[] outGrad = new double[logStd.length];
        for (int n = 0; n < states.length; n++) {
            double[][] h = mean.forward(states[n]);
            double[] mu = h[h.length - 1];
            double w = weights[n] / scale;
            for (int j = 0; j < mu.length; j++) {
                double var = Math.exp(2 * logStd[j]);
                double diff = actions[n][j] - mu[j];
                outGrad[j] = w * diff / var;
                g[offset + j] += w * (diff * diff / var - 1);
            }
            mean.backward(h, outGrad, g);
        }
        return g;
    }

    /**
     * Mean over states of KL(old || this) between diagonal Gaussians.
     *
     * @param oldMeans the old policy's means at {@code states}
     */
    public double meanKl(double[][] states, double[][] oldMeans, double[] oldLogStd) {
        double sum = 0;
        for (int n = 0; n < states.length; n++) {
            sum += kl(oldMeans[n], oldLogStd, mean(states[n]), logStd);
        }
        return states.length == 0 ? 0 : sum / states.length;
    }

    /** KL(p || q) of diagonal Gaussians. */
    public static double kl(double[] muP, double[] logStdP, double[] muQ, double[] logStdQ) {
        double sum = 0;
        for (int j = 0; j < muP.length; j++) {
            double varP = Math.exp(2 * logStdP[j]);
            double varQ = Math.exp(2 * logStdQ[j]);
            double d = muP[j] - muQ[j];
            sum += logStdQ[j] - logStdP[j] + (varP + d * d) / (2 * varQ) - 0.5;
        }
        return sum;
    }

    /**
     * The exact Fisher-vector product of the mean KL at the current parameters, {@code F v}: for a Gaussian with
     * state-independent log-std the Fisher is {@code (1/N) sum_n J_n^T diag(1/sigma^2) J_n} on the mean parameters
     * ({@code J_n} the mean's Jacobian at state n) and {@code 2 I} on the log-stds, with no cross terms.
     *
     * @param activations {@link Mlp#forward} of the mean network at each state (cached across CG iterations)
     */
    public double[] fisherVector(double[][][] activations, double[] v) {
        double[] out = new double[parameterCount()];
        int offset = mean.parameterCount();
        double[] u = new double[logStd.length];
        for (double[][] h : activations) {
            double[] jv = mean.jacobianVector(h, v);
            for (int j = 0; j < u.length; j++) {
                u[j] = jv[j] * Math.exp(-2 * logStd[j]) / activations.length;
            }
            mean.backward(h, u, out);
        }
        for (int j = 0; j < logStd.length; j++) {
            out[offset + j] = 2 * v[offset + j];
        }
        return out;
    }

    /** Mean-network activations at each state, for {@link #fisherVector}. */
    public double[][][] activations(double[][] states) {
        double[][][] a = new double[states.length][][];
        for (int n = 0; n < states.length; n++) {
            a[n] = mean.forward(states[n]);
        }
        return a;
    }

    /** A standard normal draw (Box-Muller; one uniform pair per draw keeps the stream simple to reason about). */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
