package dev.vigil.offlinerl.experiment;

import dev.vigil.safety.guardian.GaussianKdeGuardian;
import dev.vigil.safety.guardian.MinMaxScaler;

/**
 * The OOD verdict both ICU experiments report for a true-rollout decision: the KDE guardian's judgement of the
 * min-max-scaled (state, dose), with a feature the simulator left unobserved imputed by its training mean, as the
 * learners see it. One meter, so that the continuous and the discretised learners' OOD rates are the same measure.
 */
record KdeOodMeter(GaussianKdeGuardian guardian, MinMaxScaler scaler, double[] featureMeans) {

    /** Whether the guardian flags {@code doses} at {@code state}, both in dataset units. */
    boolean outOfSupport(double[] state, double[] doses) {
        double[] row = new double[state.length + doses.length];
        for (int f = 0; f < state.length; f++) {
            row[f] = Double.isFinite(state[f]) ? state[f] : featureMeans[f];
        }
        System.arraycopy(doses, 0, row, state.length, doses.length);
        return !guardian.judge(scaler.transform(row)).inSupport();
    }
}
