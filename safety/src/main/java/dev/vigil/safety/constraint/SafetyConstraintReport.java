package dev.vigil.safety.constraint;

import dev.vigil.safety.cost.RuleSetRef;
import dev.vigil.safety.guardian.Calibration;
import java.util.List;
import java.util.Map;

/**
 * A policy version's safety-constraint report (format {@value #FORMAT} version {@value #FORMAT_VERSION}).
 *
 * <p>Costs are charged on the evaluation data's logged states with the policy's recommended action at every
 * step; rules over states alone therefore read the same states for policy and clinicians. What the policy would
 * do to later states is the business of off-policy evaluation and model rollouts, reported elsewhere.
 *
 * @param provenance data hash, code version, policy id, config hash ... as given by the caller, in order
 * @param ruleSet the rule set version every cost here comes from
 * @param budget the undiscounted per-episode cost budget
 * @param episodes evaluation episodes
 * @param steps evaluation steps
 * @param rules per rule, in the rule set's order
 * @param policy the policy's episode-level figures
 * @param clinicians the logged decisions' episode-level figures
 * @param calibration the guardian's calibration on held-out data (null when no guardian was given)
 * @param worstEpisodes the episodes where the policy's cost is highest, highest first
 * @param verdict pass or fail, with every reason
 */
public record SafetyConstraintReport(String format, int formatVersion, String title, Map<String, String> provenance,
        RuleSetRef ruleSet, double budget, SafetyThresholds thresholds, int episodes, long steps, List<RuleRow> rules,
        Side policy, Side clinicians, Calibration calibration, List<WorstEpisode> worstEpisodes, Verdict verdict) {

    public static final String FORMAT = "vigil-safety-constraint-report";
    public static final int FORMAT_VERSION = 1;

    public SafetyConstraintReport {
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
        rules = List.copyOf(rules);
        worstEpisodes = List.copyOf(worstEpisodes);
    }

    /**
     * One rule's figures.
     *
     * @param policyViolationRate violating steps / evaluable steps under the policy's recommendations
     * @param clinicianViolationRate the same for the logged actions
     * @param policyCostPerEpisode mean over episodes of the rule's cost under the policy
     * @param clinicianCostPerEpisode the same for the logged actions
     * @param evaluableSteps steps where the rule could be evaluated (its inputs present)
     */
    public record RuleRow(String ruleId, double weight, double policyViolationRate, double clinicianViolationRate,
            double policyCostPerEpisode, double clinicianCostPerEpisode, long evaluableSteps) {
    }

    /**
     * Episode-level figures for one side (policy or clinicians).
     *
     * @param meanEpisodeCost mean undiscounted episode cost
     * @param normalisedCost mean episode cost / budget
     * @param failureRate share of episodes with at least one violation
     * @param violatingStepsPerEpisode mean number of steps with at least one violation
     * @param withinBudgetRate share of episodes whose cost is within the budget
     * @param oodRate share of steps the guardian finds outside the support (NaN without a guardian)
     * @param episodeCosts every episode's cost, in dataset order (for the histogram)
     */
    public record Side(double meanEpisodeCost, double normalisedCost, double failureRate,
            double violatingStepsPerEpisode, double withinBudgetRate, double oodRate, double[] episodeCosts) {
        public Side {
            episodeCosts = episodeCosts.clone();
        }

        @Override
        public double[] episodeCosts() {
            return episodeCosts.clone();
        }
    }

    /** An episode the policy's recommendations make costly, with the clinicians' cost for comparison. */
    public record WorstEpisode(String episodeId, double policyCost, double clinicianCost, int policyViolatingSteps,
            List<String> rulesViolated) {
        public WorstEpisode {
            rulesViolated = List.copyOf(rulesViolated);
        }
    }

    /** Pass or fail; {@code reasons} names every threshold checked with the measured value. */
    public record Verdict(boolean pass, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }
}
