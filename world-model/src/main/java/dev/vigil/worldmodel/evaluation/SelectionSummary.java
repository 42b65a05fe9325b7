package dev.vigil.worldmodel.evaluation;

import java.util.List;

/**
 * Means over patients of {@link SelectionScores} for one method.
 *
 * @param method name shown in the tables
 * @param patients number of patients scored
 * @param precision mean precision
 * @param recall mean recall
 * @param f1 mean F1
 * @param jaccard mean Jaccard index
 * @param top1 share of patients whose chosen protocol is the true best
 * @param meanRegretDays mean regret in true expected survival (days)
 * @param medianRegretDays median regret (days)
 */
public record SelectionSummary(String method, int patients, double precision, double recall, double f1,
        double jaccard, double top1, double meanRegretDays, double medianRegretDays) {

    /** Averages the per-patient scores. */
    public static SelectionSummary of(String method, List<SelectionScores> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException(method + ": no patients scored");
        }
        double p = 0;
        double r = 0;
        double f = 0;
        double j = 0;
        double t = 0;
        double regret = 0;
        double[] regrets = new double[scores.size()];
        for (int i = 0; i < scores.size(); i++) {
            SelectionScores s = scores.get(i);
            p += s.precision();
            r += s.recall();
            f += s.f1();
            j += s.jaccard();
            t += s.top1() ? 1 : 0;
            regret += s.regretDays();
            regrets[i] = s.regretDays();
        }
        int n = scores.size();
        java.util.Arrays.sort(regrets);
        double median = n % 2 == 1 ? regrets[n / 2] : (regrets[n / 2 - 1] + regrets[n / 2]) / 2;
        return new SelectionSummary(method, n, p / n, r / n, f / n, j / n, t / n, regret / n, median);
    }
}
