package dev.vigil.safety.constraint;

import dev.vigil.safety.guardian.GuardVerdict;

/** Whether a (state, action) in dataset units lies in the data's support: a guardian with its scaler. */
@FunctionalInterface
public interface SupportJudge {

    GuardVerdict judge(double[] state, double[] action);
}
