package dev.vigil.offlinerl.algo.continuous;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small dense network in plain Java with hand-written reverse- and forward-mode derivatives: tanh hidden layers
 * and an output activation. Parameters live in one flat vector (per layer: weights row-major by output, then the
 * biases), which is what the natural-gradient step works on.
 *
 * <p>Why not DJL: TRPO needs Fisher-vector products, i.e. a Jacobian-vector product and a vector-Jacobian product of
 * the policy mean per iteration, ten times per conjugate-gradient solve. On these tiny nets (13-128-128-2) a
 * plain-Java pass is cheaper than a native call, it is bit-for-bit deterministic on one thread, and the exact
 * Gaussian Fisher (J^T Sigma^-1 J) needs no second-order autograd.
 */
public final class Mlp {

    private final int[] sizes;
    private final MlpSnapshot.Activation output;
    private final int[] offsets;
    private final double[] params;

    /**
     * @param sizes layer widths, input first, output last; at least two entries, all >= 1
     * @param output the activation of the last layer (hidden layers are tanh)
     */
    public Mlp(int[] sizes, MlpSnapshot.Activation output) {
        if (sizes == null || sizes.length < 2 || Arrays.stream(sizes).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("An MLP needs at least an input and an output width, all >= 1; got "
                    + Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        this.output = output;
        this.offsets = new int[sizes.length];
        int n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            offsets[l] = n;
            n += sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        offsets[sizes.length - 1] = n;
        this.params = new double[n];
    }

    /**
     * Glorot-uniform weights, zero biases; the last layer is scaled by {@code lastLayerScale} (e.g. 0.01 for a
     * policy mean that starts near zero).
     */
    public void initialise(SplittableRandom rng, double lastLayerScale) {
        Arrays.fill(params, 0);
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double limit = Math.sqrt(6.0 / (in + out)) * (l + 2 == sizes.length ? lastLayerScale : 1);
            for (int i = 0; i < in * out; i++) {
                params[offsets[l] + i] = (2 * rng.nextDouble() - 1) * limit;
            }
        }
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public int parameterCount() {
        return params.length;
    }

    /** A copy of the flat parameter vector. */
    public double[] parameters() {
        return params.clone();
    }

    /** Replaces the parameters with a copy of {@code values}. */
    public void setParameters(double[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("Expected " + params.length + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /** Sets the biases of the output layer (e.g. to start a policy at the logged median dose). */
    public void setOutputBias(double[] bias) {
        int last = sizes.length - 2;
        int b = offsets[last] + sizes[last] * sizes[last + 1];
        if (bias.length != sizes[last + 1]) {
            throw new IllegalArgumentException("Expected " + sizes[last + 1] + " output biases, got " + bias.length);
        }
        System.arraycopy(bias, 0, params, b, bias.length);
    }

    /** The widths, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    public MlpSnapshot.Activation outputActivation() {
        return output;
    }

    /** Activations of every layer for one input: {@code [0]} is the input, the last entry the output. */
    public double[][] forward(double[] x) {
        double[][] h = new double[sizes.length][];
        h[0] = x;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = offsets[l];
            int b = w + in * out;
            double[] prev = h[l];
            double[] next = new double[out];
            boolean last = l + 2 == sizes.length;
            for (int o = 0; o < out; o++) {
                double sum = params[b + o];
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    sum += params[row + i] * prev[i];
                }
                next[o] = activate(sum, last ? output : MlpSnapshot.Activation.TANH);
            }
            h[l + 1] = next;
        }
        return h;
    }

    /** The output for one input. */
    public double[] apply(double[] x) {
        double[][] h = forward(x);
        return h[h.length - 1];
    }

    /**
     * Adds {@code d loss / d params} to {@code gradient} given {@code d loss / d output} and the activations of
     * {@link #forward}.
     */
    public void backward(double[][] h, double[] outputGradient, double[] gradient) {
        double[] delta = outputGradient.clone();
        for (int l = sizes.length - 2; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = offsets[l];
            int b = w + in * out;
            double[] post = h[l + 1];
            MlpSnapshot.Activation act = l + 2 == sizes.length ? output : MlpSnapshot.Activation.TANH;
            for (int o = 0; o < out; o++) {
                delta[o] *= derivative(post[o], act);
            }
            double[] prev = h[l];
            double[] back = l > 0 ? new double[in] : null;
            for (int o = 0; o < out; o++) {
                double d = delta[o];
                gradient[b + o] += d;
                if (d == 0) {
                    continue;
                }
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    gradient[row + i] += d * prev[i];
                    if (back != null) {
                        back[i] += d * params[row + i];
                    }
                }
            }
            delta = back;
        }
    }

    /**
     * Forward-mode derivative: {@code J v}, the change of the output when the parameters move along {@code v},
     * at the input whose activations {@link #forward} gave.
     */
    public double[] jacobianVector(double[][] h, double[] v) {
        double[] tangent = new double[sizes[0]];
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = offsets[l];
            int b = w + in * out;
            double[] prev = h[l];
            double[] post = h[l + 1];
            MlpSnapshot.Activation act = l + 2 == sizes.length ? output : MlpSnapshot.Activation.TANH;
            double[] next = new double[out];
            for (int o = 0; o < out; o++) {
                double sum = v[b + o];
                int row = w + o * in;
                for (int i = 0; i < in; i++) {
                    sum += v[row + i] * prev[i] + params[row + i] * tangent[i];
                }
                next[o] = sum * derivative(post[o], act);
            }
            tangent = next;
        }
        return tangent;
    }

    /** The network as plain arrays (float weights), with the given scaling around it. */
    public MlpSnapshot snapshot(double[] inScale, double[] inShift, double[] outScale, double[] outShift) {
        java.util.List<MlpSnapshot.Layer> layers = new java.util.ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            float[] w = new float[in * out];
            float[] b = new float[out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) params[offsets[l] + i];
            }
            for (int o = 0; o < out; o++) {
                b[o] = (float) params[offsets[l] + in * out + o];
            }
            layers.add(new MlpSnapshot.Layer(in, out, w, b,
                    l + 2 == sizes.length ? output : MlpSnapshot.Activation.TANH));
        }
        return new MlpSnapshot(layers, inScale, inShift, outScale, outShift);
    }

    private static double activate(double x, MlpSnapshot.Activation a) {
        return switch (a) {
            case IDENTITY -> x;
            case TANH -> Math.tanh(x);
            case RELU -> Math.max(0, x);
            case BOUNDED_TANH -> MlpSnapshot.BOUNDED_TANH_GAIN * Math.tanh(x);   // unclipped: see the enum
        };
    }

    /** The activation's derivative expressed through its output. */
    private static double derivative(double y, MlpSnapshot.Activation a) {
        return switch (a) {
            case IDENTITY -> 1;
            case TANH -> 1 - y * y;
            case RELU -> y > 0 ? 1 : 0;
            case BOUNDED_TANH -> MlpSnapshot.BOUNDED_TANH_GAIN - y * y / MlpSnapshot.BOUNDED_TANH_GAIN;
        };
    }
}
