package dev.vigil.offlinerl.report;

/**
 * The policy under evaluation as the report needs it, whatever kind of policy it is: discrete action probabilities
 * over the report's joint action ids (the 5 x 5 dose bins on ICU data) at each logged step, which importance
 * sampling needs, and the recommended action in dataset units, which the dose-excess curves and the guardian need.
 * Adapters: {@link EvaluatedPolicies}.
 */
public interface EvaluatedPolicy {

    /** A label for tables and figures, e.g. {@code ogsrl}. */
    String name();

    /** pi(. | step) over the report's joint action ids: non-negative, summing to 1. */
    double[] actionProbabilities(LoggedStep step);

    /** The recommended doses in dataset units, shape (actions); null when the action space has no doses. */
    double[] recommendedDoses(LoggedStep step);

    /** The recommended joint action id: by default the most probable one (ties: the lowest id). */
    default int recommendedActionId(LoggedStep step) {
        double[] p = actionProbabilities(step);
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }
}
