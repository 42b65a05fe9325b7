package dev.vigil.offlinerl.experiment;

/**
 * Per action, the mean dose a policy gave over its true-rollout decisions and the share of decisions with any of
 * it (e.g. blocs on a vasopressor, which alone costs 3-4 SOFA cardiovascular points).
 */
final class DoseTally {

    private long decisions;
    private double[] sums;
    private long[] given;

    void record(double[] doses) {
        if (sums == null) {
            sums = new double[doses.length];
            given = new long[doses.length];
        }
        decisions++;
        for (int j = 0; j < doses.length; j++) {
            sums[j] += doses[j];
            given[j] += doses[j] > 0 ? 1 : 0;
        }
    }

    double meanDose(int action) {
        return decisions == 0 ? 0 : sums[action] / decisions;
    }

    /** Share of decisions with a dose above 0 of this action. */
    double givenShare(int action) {
        return decisions == 0 ? 0 : (double) given[action] / decisions;
    }
}
