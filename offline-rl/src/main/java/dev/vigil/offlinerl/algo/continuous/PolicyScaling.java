package dev.vigil.offlinerl.algo.continuous;

/**
 * The affine maps between dataset units and the [-1, 1] training scale: {@code scaled = inScale * x + inShift} for
 * states and {@code y = outScale * scaled + outShift} for actions (see {@link MlpSnapshot}).
 */
public record PolicyScaling(double[] inScale, double[] inShift, double[] outScale, double[] outShift) {

    /** No scaling: the training scale is the dataset's (toy environments). */
    public static PolicyScaling identity(int states, int actions) {
        double[] one = new double[states];
        java.util.Arrays.fill(one, 1);
        double[] oneA = new double[actions];
        java.util.Arrays.fill(oneA, 1);
        return new PolicyScaling(one, new double[states], oneA, new double[actions]);
    }

    /**
     * From the min-max scaler of (state, action) rows: {@code x' = 2 (x - min) / (max - min) - 1}, and
     * {@code x' = x - min} for a constant column (as {@code MinMaxScaler} does).
     */
    public static PolicyScaling fromMinMax(double[] min, double[] max, int states) {
        int actions = min.length - states;
        double[] inScale = new double[states];
        double[] inShift = new double[states];
        for (int j = 0; j < states; j++) {
            double range = max[j] - min[j];
            if (range > 0) {
                inScale[j] = 2 / range;
                inShift[j] = -2 * min[j] / range - 1;
            } else {
                inScale[j] = 1;
                inShift[j] = -min[j];
            }
        }
        double[] outScale = new double[actions];
        double[] outShift = new double[actions];
        for (int j = 0; j < actions; j++) {
            double range = max[states + j] - min[states + j];
            if (range > 0) {
                outScale[j] = range / 2;
                outShift[j] = min[states + j] + range / 2;
            } else {
                outScale[j] = 1;
                outShift[j] = min[states + j];
            }
        }
        return new PolicyScaling(inScale, inShift, outScale, outShift);
    }

    /** A state in dataset units on the training scale. */
    public double[] scaleState(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = inScale[j] * x[j] + inShift[j];
        }
        return y;
    }

    /** A state on the training scale back in dataset units. */
    public double[] unscaleState(double[] y) {
        double[] x = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            x[j] = (y[j] - inShift[j]) / inScale[j];
        }
        return x;
    }

    /** An action on the training scale in dataset units. */
    public double[] unscaleAction(double[] a) {
        double[] y = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            y[j] = outScale[j] * a[j] + outShift[j];
        }
        return y;
    }
}
