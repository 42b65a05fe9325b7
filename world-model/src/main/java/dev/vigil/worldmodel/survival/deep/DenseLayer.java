package dev.vigil.worldmodel.survival.deep;

/**
 * One fully connected layer copied out of DJL: y = W x + b.
 *
 * @param inputs width of x
 * @param outputs width of y
 * @param weights W, shape (outputs, inputs), row-major (DJL's {@code Linear} layout)
 * @param bias b, shape (outputs)
 */
public record DenseLayer(int inputs, int outputs, float[] weights, float[] bias) {

    public DenseLayer {
        if (weights.length != inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("layer " + inputs + " -> " + outputs + " has " + weights.length
                    + " weights and " + bias.length + " biases");
        }
    }

    double[] apply(double[] x) {
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = bias[o];
            for (int i = 0; i < inputs; i++) {
                sum += weights[o * inputs + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }
}
