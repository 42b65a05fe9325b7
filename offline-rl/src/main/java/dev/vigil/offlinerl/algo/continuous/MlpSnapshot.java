package dev.vigil.offlinerl.algo.continuous;

import java.util.List;

/**
 * A trained multi-layer perceptron frozen as plain arrays, with the affine maps that take dataset units in and
 * give dataset units out: {@code y = outputScale * mlp(inputScale * x + inputShift) + outputShift}
 * (element-wise scale and shift vectors). Layer {@code i} computes {@code activation_i(W_i h + b_i)}.
 *
 * @param layers dense layers in order; weights row-major by output ({@code float[outputs * inputs]})
 * @param inputScale {@code double[stateDimension]}
 * @param inputShift {@code double[stateDimension]}
 * @param outputScale {@code double[actionDimension]}
 * @param outputShift {@code double[actionDimension]}
 */
public record MlpSnapshot(List<Layer> layers, double[] inputScale, double[] inputShift, double[] outputScale,
        double[] outputShift) {

    /**
     * Element-wise activation after a dense layer. {@code BOUNDED_TANH} is {@code clip(g tanh(x), -1, 1)} with
     * {@code g = }{@value #BOUNDED_TANH_GAIN}: unlike a plain tanh it reaches the ends of the range at a finite
     * input, so a policy whose range starts at "none" (no vasopressor) can choose exactly none rather than a few
     * per cent of the range; the trainable {@link Mlp} uses the unclipped {@code g tanh(x)} so that its gradient
     * never vanishes, and every consumer of a training-scale action clips to [-1, 1].
     */
    public enum Activation { IDENTITY, TANH, RELU, BOUNDED_TANH }

    /** The gain of {@link Activation#BOUNDED_TANH}: the bound is reached at {@code x = atanh(1 / g)}, about 1.86. */
    public static final double BOUNDED_TANH_GAIN = 1.05;

    /** One dense layer: {@code activation(W h + b)}. */
    public record Layer(int inputs, int outputs, float[] weights, float[] bias, Activation activation) {

        public Layer {
            if (inputs < 1 || outputs < 1 || weights == null || bias == null
                    || weights.length != inputs * outputs || bias.length != outputs || activation == null) {
                throw new IllegalArgumentException("A dense layer of " + inputs + " -> " + outputs + " needs "
                        + (long) inputs * outputs + " weights, " + outputs + " biases and an activation");
            }
            weights = weights.clone();
            bias = bias.clone();
        }
    }

    public MlpSnapshot {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("An MLP needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("Layer " + i + " takes " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
        int in = layers.get(0).inputs();
        int out = layers.get(layers.size() - 1).outputs();
        if (inputScale.length != in || inputShift.length != in || outputScale.length != out
                || outputShift.length != out) {
            throw new IllegalArgumentException("Scaling vectors must match the network: " + in + " inputs, "
                    + out + " outputs");
        }
        inputScale = inputScale.clone();
        inputShift = inputShift.clone();
        outputScale = outputScale.clone();
        outputShift = outputShift.clone();
    }

    /** Runs the network in double precision on a state in dataset units. */
    public double[] apply(double[] x) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = inputScale[i] * x[i] + inputShift[i];
        }
        for (Layer layer : layers) {
            double[] next = new double[layer.outputs()];
            for (int o = 0; o < layer.outputs(); o++) {
                double sum = layer.bias()[o];
                int row = o * layer.inputs();
                for (int i = 0; i < layer.inputs(); i++) {
                    sum += layer.weights()[row + i] * h[i];
                }
                next[o] = switch (layer.activation()) {
                    case IDENTITY -> sum;
                    case TANH -> Math.tanh(sum);
                    case RELU -> Math.max(0, sum);
                    case BOUNDED_TANH -> Math.max(-1, Math.min(1, BOUNDED_TANH_GAIN * Math.tanh(sum)));
                };
            }
            h = next;
        }
        double[] y = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            y[i] = outputScale[i] * h[i] + outputShift[i];
        }
        return y;
    }
}
