package dev.vigil.offlinerl.serving;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.safety.cost.RuleStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a {@link PolicySafetyReport}: at every bloc of the dataset, the policy's most probable action and the
 * logged action are evaluated by every rule (with the previous bloc's state) and by the guardian. Violation rates
 * are violating blocs over all blocs; expected cost is the mean over episodes of the undiscounted sum of step costs.
 */
public final class SafetyReportCalculator {

    private SafetyReportCalculator() {
    }

    /** The report of {@code served} on its own dataset. */
    public static PolicySafetyReport compute(BedsidePolicy served, SafetyThresholds thresholds) {
        TrajectoryDataset data = served.data();
        List<String> ruleIds = served.ruleSet().ruleIds();
        long[] policyViolations = new long[ruleIds.size()];
        long[] loggedViolations = new long[ruleIds.size()];
        long[] notEvaluable = new long[ruleIds.size()];
        double policyCost = 0;
        double loggedCost = 0;
        long policyOod = 0;
        long loggedOod = 0;
        long steps = 0;
        for (Episode episode : data.episodes()) {
            double[][] states = ((ContinuousStates) episode.states()).values();
            double[][] actions = ((ContinuousActions) episode.actions()).values();
            for (int t = 0; t < episode.steps(); t++, steps++) {
                double[] previous = t == 0 ? null : states[t - 1];
                double[] policyDoses = served.policy().actionFor(states[t]);
                List<RuleCheck> byPolicy = served.rules(previous, states[t], policyDoses);
                List<RuleCheck> byClinicians = served.rules(previous, states[t], actions[t]);
                for (int r = 0; r < ruleIds.size(); r++) {
                    policyCost += byPolicy.get(r).cost();
                    loggedCost += byClinicians.get(r).cost();
                    policyViolations[r] += byPolicy.get(r).status() == RuleStatus.VIOLATED ? 1 : 0;
                    loggedViolations[r] += byClinicians.get(r).status() == RuleStatus.VIOLATED ? 1 : 0;
                    notEvaluable[r] += byClinicians.get(r).status() == RuleStatus.NOT_EVALUABLE ? 1 : 0;
                }
                policyOod += served.judge(states[t], policyDoses).inSupport() ? 0 : 1;
                loggedOod += served.judge(states[t], actions[t]).inSupport() ? 0 : 1;
            }
        }
        List<PolicySafetyReport.RuleRate> rates = new ArrayList<>();
        for (int r = 0; r < ruleIds.size(); r++) {
            rates.add(new PolicySafetyReport.RuleRate(ruleIds.get(r), (double) policyViolations[r] / steps,
                    (double) loggedViolations[r] / steps, notEvaluable[r]));
        }
        int episodes = data.episodes().size();
        double policyExpected = policyCost / episodes;
        double loggedExpected = loggedCost / episodes;
        double policyOodRate = (double) policyOod / steps;
        List<String> reasons = new ArrayList<>();
        if (policyOodRate > thresholds.maxOodRate()) {
            reasons.add(String.format(java.util.Locale.ROOT, "%.1f %% of the policy's actions are outside the data's "
                    + "support (at most %.1f %% allowed)", 100 * policyOodRate, 100 * thresholds.maxOodRate()));
        }
        if (policyExpected > thresholds.maxCostRatio() * loggedExpected + 1e-12) {
            reasons.add(String.format(java.util.Locale.ROOT, "expected cost per episode %.3f exceeds %.2f x the "
                    + "clinicians' %.3f", policyExpected, thresholds.maxCostRatio(), loggedExpected));
        }
        if (reasons.isEmpty()) {
            reasons.add("within the OOD and cost thresholds");
        }
        String verdict = reasons.size() == 1 && reasons.get(0).startsWith("within") ? PolicySafetyReport.PASS
                : PolicySafetyReport.REVIEW;
        return new PolicySafetyReport(served.ruleSet().id() + "@" + served.ruleSet().version(),
                served.ruleSet().contentHash(), data.contentHash(), episodes, steps, rates, policyExpected,
                loggedExpected, policyOodRate, (double) loggedOod / steps, verdict, reasons, thresholds);
    }
}
