package dev.vigil.offlinerl.algo.continuous;

/**
 * Adam (Kingma and Ba) over a flat parameter vector, beta1 0.9, beta2 0.999, epsilon 1e-8. Its moments and step
 * count are part of a checkpoint so that a resumed run continues exactly where it stopped.
 */
public final class Adam {

    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private long t;

    public Adam(int parameters, double learningRate) {
        this.learningRate = learningRate;
        this.m = new double[parameters];
        this.v = new double[parameters];
    }

    /** One step: {@code params -= lr * mHat / (sqrt(vHat) + eps)} for the gradient of the loss. */
    public void step(double[] params, double[] gradient) {
        t++;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int i = 0; i < params.length; i++) {
            m[i] = 0.9 * m[i] + 0.1 * gradient[i];
            v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i];
            params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
        }
    }

    /** The state to checkpoint: {@code [m..., v..., t]}. */
    public double[] state() {
        double[] s = new double[2 * m.length + 1];
        System.arraycopy(m, 0, s, 0, m.length);
        System.arraycopy(v, 0, s, m.length, v.length);
        s[s.length - 1] = t;
        return s;
    }

    /** Restores {@link #state()}. */
    public void restore(double[] state) {
        if (state.length != 2 * m.length + 1) {
            throw new IllegalArgumentException("Adam state has " + state.length + " values; expected "
                    + (2 * m.length + 1));
        }
        System.arraycopy(state, 0, m, 0, m.length);
        System.arraycopy(state, m.length, v, 0, v.length);
        t = (long) state[state.length - 1];
    }
}
