package dev.vigil.offlinerl.report;

/**
 * A policy's answers at every logged step, computed once: probabilities over the joint ids, the recommended id and
 * the recommended doses (null without doses).
 */
record PolicyTrace(String name, double[][][] probabilities, int[][] recommended, double[][][] doses) {

    static PolicyTrace of(EvaluatedPolicy policy, ReportData data) {
        int n = data.episodes();
        double[][][] p = new double[n][][];
        int[][] rec = new int[n][];
        double[][][] d = new double[n][][];
        for (int i = 0; i < n; i++) {
            LoggedStep[] steps = data.steps.get(i);
            p[i] = new double[steps.length][];
            rec[i] = new int[steps.length];
            d[i] = new double[steps.length][];
            for (int t = 0; t < steps.length; t++) {
                p[i][t] = policy.actionProbabilities(steps[t]);
                if (p[i][t] == null || p[i][t].length != data.space.actionCount()) {
                    throw new IllegalArgumentException("Policy " + policy.name() + " gives "
                            + (p[i][t] == null ? "no" : p[i][t].length) + " probabilities at episode "
                            + data.data.episodes().get(i).id() + ", step " + t + "; the evaluation space has "
                            + data.space.actionCount() + " actions");
                }
                rec[i][t] = policy.recommendedActionId(steps[t]);
                d[i][t] = policy.recommendedDoses(steps[t]);
            }
        }
        return new PolicyTrace(policy.name(), p, rec, d);
    }

    /** The clinicians' estimated policy as a trace: its rows, its logged action as "recommended", no doses. */
    static PolicyTrace clinicians(ReportData data) {
        int n = data.episodes();
        double[][][] p = new double[n][][];
        int[][] rec = new int[n][];
        for (int i = 0; i < n; i++) {
            LoggedStep[] steps = data.steps.get(i);
            p[i] = new double[steps.length][];
            rec[i] = new int[steps.length];
            for (int t = 0; t < steps.length; t++) {
                p[i][t] = data.behaviour.policy().row(steps[t].stateId());
                rec[i][t] = steps[t].actionId();
            }
        }
        return new PolicyTrace("clinicians", p, rec, null);
    }

    boolean hasDoses() {
        return doses != null && doses.length > 0 && doses[0].length > 0 && doses[0][0] != null;
    }
}
