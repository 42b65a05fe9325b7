package dev.vigil.offlinerl.algo.continuous;

/**
 * Min-max scaling of states and actions to [-1, 1] with the training minimum and maximum:
 * {@code x' = 2 (x - min) / (max - min) - 1}, and {@code x - min} for a constant column (as the guardians'
 * {@code MinMaxScaler}, so the scaled points a guardian sees are the learner's). Missing state values are
 * replaced by {@code fill} (the training mean) before scaling.
 */
record CqlScaling(double[] stateMin, double[] stateMax, double[] actionMin, double[] actionMax, double[] fill) {

    static CqlScaling fit(double[][] states, double[][] actions, double[] fill) {
        return new CqlScaling(column(states, true), column(states, false), column(actions, true),
                column(actions, false), fill.clone());
    }

    private static double[] column(double[][] rows, boolean min) {
        double[] out = rows[0].clone();
        for (double[] row : rows) {
            for (int j = 0; j < out.length; j++) {
                out[j] = min ? Math.min(out[j], row[j]) : Math.max(out[j], row[j]);
            }
        }
        return out;
    }

    double[] scaleState(double[] x) {
        return scale(x, stateMin, stateMax);
    }

    double[] scaleAction(double[] x) {
        return scale(x, actionMin, actionMax);
    }

    /** Per state feature, {@code scale} of {@code x' = scale * x + shift}. */
    double[] stateScale() {
        double[] out = new double[stateMin.length];
        for (int j = 0; j < out.length; j++) {
            double range = stateMax[j] - stateMin[j];
            out[j] = range > 0 ? 2 / range : 1;
        }
        return out;
    }

    /** Per state feature, {@code shift} of {@code x' = scale * x + shift}. */
    double[] stateShift() {
        double[] scale = stateScale();
        double[] out = new double[stateMin.length];
        for (int j = 0; j < out.length; j++) {
            double range = stateMax[j] - stateMin[j];
            out[j] = range > 0 ? -scale[j] * stateMin[j] - 1 : -stateMin[j];
        }
        return out;
    }

    /** Per action, the {@code scale} that takes the actor's [-1, 1] output to doses; 0 for a constant dose. */
    double[] actionScale() {
        double[] out = new double[actionMin.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (actionMax[j] - actionMin[j]) / 2;
        }
        return out;
    }

    /** Per action, the {@code shift} that takes the actor's [-1, 1] output to doses. */
    double[] actionShift() {
        double[] out = new double[actionMin.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (actionMax[j] + actionMin[j]) / 2;
        }
        return out;
    }

    private static double[] scale(double[] x, double[] min, double[] max) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double range = max[j] - min[j];
            out[j] = range > 0 ? 2 * (x[j] - min[j]) / range - 1 : x[j] - min[j];
        }
        return out;
    }
}
