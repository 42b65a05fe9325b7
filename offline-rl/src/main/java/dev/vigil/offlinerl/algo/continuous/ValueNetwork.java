package dev.vigil.offlinerl.algo.continuous;

import java.util.SplittableRandom;

/**
 * A state-value (or cost-value) network: tanh MLP with a linear output, fitted to returns by mean-squared error
 * with Adam on shuffled mini-batches.
 */
public final class ValueNetwork {

    private final Mlp mlp;
    private final Adam adam;

    /**
     * @param hidden hidden widths, e.g. {128, 128}
     */
    public ValueNetwork(int stateDimension, int[] hidden, double learningRate, SplittableRandom rng) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = stateDimension;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        this.mlp = new Mlp(sizes, MlpSnapshot.Activation.IDENTITY);
        mlp.initialise(rng, 1.0);
        this.adam = new Adam(mlp.parameterCount(), learningRate);
    }

    public double value(double[] state) {
        return mlp.apply(state)[0];
    }

    /**
     * Regresses the network on {@code targets}: {@code epochs} passes over the rows in a shuffled order, one Adam
     * step per mini-batch.
     *
     * @return the mean squared error before fitting
     */
    public double fit(double[][] states, double[] targets, int epochs, int batchSize, SplittableRandom rng) {
        int n = states.length;
        double before = 0;
        for (int i = 0; i < n; i++) {
            double e = value(states[i]) - targets[i];
            before += e * e;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] params = mlp.parameters();
        double[] gradient = new double[params.length];
        double[] out = new double[1];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int start = 0; start < n; start += batchSize) {
                int end = Math.min(n, start + batchSize);
                java.util.Arrays.fill(gradient, 0);
                for (int k = start; k < end; k++) {
                    double[][] h = mlp.forward(states[order[k]]);
                    out[0] = 2 * (h[h.length - 1][0] - targets[order[k]]) / (end - start);
                    mlp.backward(h, out, gradient);
                }
                adam.step(params, gradient);
                mlp.setParameters(params);
            }
        }
        return n == 0 ? 0 : before / n;
    }

    /** Network parameters followed by the Adam state, for a checkpoint. */
    public double[][] state() {
        return new double[][] {mlp.parameters(), adam.state()};
    }

    /** Restores {@link #state()}. */
    public void restore(double[][] state) {
        mlp.setParameters(state[0]);
        adam.restore(state[1]);
    }
}
