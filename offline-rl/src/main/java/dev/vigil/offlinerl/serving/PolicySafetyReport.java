package dev.vigil.offlinerl.serving;

import java.util.List;

/**
 * The basic safety report of a policy on its dataset: what the policy would have done at every logged bloc,
 * against what the clinicians did. States are the logged ones (no counterfactual states), so rules on the state
 * alone cost the same for both; rules on doses tell them apart.
 *
 * @param ruleSetVersion e.g. {@code sepsis-bedside@1.0.0}
 * @param ruleSetSha256 the rule set's content hash
 * @param datasetSha256 the dataset's content hash
 * @param episodes number of episodes
 * @param steps number of blocs
 * @param rules per rule, the violation rates
 * @param policyExpectedCost mean over episodes of the summed step costs of the policy's actions
 * @param clinicianExpectedCost the same for the logged actions
 * @param policyOodRate share of blocs where the guardian puts (state, policy action) outside the support
 * @param clinicianOodRate the same for (state, logged action): about the guardian's percentile by construction
 * @param verdict {@code PASS} or {@code REVIEW}
 * @param reasons why the verdict is what it is
 * @param thresholds what the verdict was judged against
 */
public record PolicySafetyReport(String ruleSetVersion, String ruleSetSha256, String datasetSha256, int episodes,
        long steps, List<RuleRate> rules, double policyExpectedCost, double clinicianExpectedCost, double policyOodRate,
        double clinicianOodRate, String verdict, List<String> reasons, SafetyThresholds thresholds) {

    public static final String PASS = "PASS";
    public static final String REVIEW = "REVIEW";

    public PolicySafetyReport {
        rules = List.copyOf(rules);
        reasons = List.copyOf(reasons);
    }

    /**
     * One rule's violation rates: violating blocs / all blocs.
     *
     * @param notEvaluable blocs where an input of the rule was missing (counted as not violated)
     */
    public record RuleRate(String ruleId, double policyViolationRate, double clinicianViolationRate,
            long notEvaluable) {
    }
}
