package dev.vigil.worldmodel.survival;

import java.util.Arrays;

/** Splits subjects into risk groups by quantiles of a predicted risk score. */
public final class RiskGroups {

    private RiskGroups() {}

    /**
     * Group 0 = lowest risk ... {@code groups - 1} = highest. The cut points are the empirical m/groups quantiles
     * (the ceil(m n / groups)-th smallest score); a subject's group is the number of cut points strictly below its
     * score, so equal scores always share a group (groups may then be unequal or empty).
     */
    public static int[] byQuantiles(double[] risk, int groups) {
        if (groups < 1 || risk.length < groups) {
            throw new IllegalArgumentException(groups + " risk groups for " + risk.length + " subjects");
        }
        double[] sorted = risk.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[groups - 1];
        for (int m = 1; m < groups; m++) {
            cuts[m - 1] = sorted[(int) Math.ceil((double) m * risk.length / groups) - 1];
        }
        int[] labels = new int[risk.length];
        for (int i = 0; i < risk.length; i++) {
            for (double cut : cuts) {
                if (risk[i] > cut) {
                    labels[i]++;
                }
            }
        }
        return labels;
    }
}
