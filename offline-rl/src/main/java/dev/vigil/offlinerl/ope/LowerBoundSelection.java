package dev.vigil.offlinerl.ope;

import java.util.List;

/**
 * Model selection on the bootstrap lower bound (the AI Clinician picks the policy with the highest 5th
 * percentile of bootstrapped WIS): a policy that looks good only because of a few heavy weights has a wide
 * interval and loses.
 */
public final class LowerBoundSelection {

    private LowerBoundSelection() {
    }

    /**
     * @param candidates one interval per candidate policy, each named in {@link BootstrapInterval#estimator()}
     *     or by its position
     * @return the index of the candidate with the highest defined lower bound; ties go to the earlier one
     * @throws IllegalArgumentException when no candidate has a defined lower bound
     */
    public static int best(List<BootstrapInterval> candidates) {
        int best = -1;
        for (int i = 0; i < candidates.size(); i++) {
            double bound = candidates.get(i).lowerBound();
            if (!Double.isNaN(bound) && (best < 0 || bound > candidates.get(best).lowerBound())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("No candidate has a defined lower bound; every resample lacked episodes "
                    + "with non-zero weight: collect more data or soften the behaviour policy");
        }
        return best;
    }
}
