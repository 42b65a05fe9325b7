package dev.vigil.offlinerl.dynamics;

/**
 * A fully connected layer's parameters as trained (float32), applied in double precision.
 *
 * @param inputs number of inputs
 * @param outputs number of outputs
 * @param weights {@code float[outputs * inputs]}, row-major by output (DJL's {@code Linear} layout)
 * @param bias {@code float[outputs]}
 */
record DenseLayer(int inputs, int outputs, float[] weights, float[] bias) {

    DenseLayer {
        if (inputs < 1 || outputs < 1 || weights == null || bias == null || weights.length != inputs * outputs
                || bias.length != outputs) {
            throw new IllegalArgumentException("A dense layer of " + inputs + " -> " + outputs + " needs "
                    + (long) inputs * outputs + " weights and " + outputs + " biases");
        }
        for (float w : weights) {
            if (!Float.isFinite(w)) {
                throw new IllegalArgumentException("A dense layer has a non-finite weight; the training diverged:"
                        + " lower the learning rate");
            }
        }
        weights = weights.clone();
        bias = bias.clone();
    }

    /** {@code W x + b}; {@code x} is {@code double[inputs]}, the result {@code double[outputs]}. */
    double[] apply(double[] x) {
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = bias[o];
            int row = o * inputs;
            for (int i = 0; i < inputs; i++) {
                sum += weights[row + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    @Override
    public float[] bias() {
        return bias.clone();
    }
}
