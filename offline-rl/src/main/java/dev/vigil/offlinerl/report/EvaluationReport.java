package dev.vigil.offlinerl.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The evaluation report of one run: versioned JSON ({@link ReportJson}), rendered by {@link ReportHtmlWriter}.
 * Fields are documented one by one in docs/evaluation-report.md. Every number is a plain double; a number that
 * cannot be computed (e.g. a mortality rate of an empty bin) is NaN, written as the JSON string {@code "NaN"}.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion {@value #FORMAT_VERSION}; bumped when a field changes meaning or is removed
 * @param runName the run's name as the registry shows it (free text: escaped wherever rendered)
 * @param run where the policy came from and what it was evaluated on
 * @param checkpoint which checkpoint the report shows and why
 * @param learningCurves metric name to its series, names sorted, iterations ascending
 * @param ope off-policy estimates for the shown policy and for the clinicians
 * @param rewardVersusCost estimated return and cost per episode of policy, clinicians and checkpoints
 * @param ood guardian-judged out-of-distribution rates; null when no guardian was given
 * @param actions clinician and policy action frequencies; null when the action space has no 2-D dose grid
 * @param doseExcess per dose, mortality binned by given minus recommended dose; empty without doses or outcomes
 * @param ruleCosts expected cost per rule and episode, policy and clinicians; empty without a cost model
 * @param notes warnings a reader must see (low ESS, floored behaviour policy, skipped steps, ...)
 */
@JsonPropertyOrder({"format", "formatVersion", "runName", "run", "checkpoint", "learningCurves", "ope",
    "rewardVersusCost", "ood", "actions", "doseExcess", "ruleCosts", "notes"})
public record EvaluationReport(String format, int formatVersion, String runName, RunInfo run,
        CheckpointInfo checkpoint, Map<String, List<CurvePoint>> learningCurves, OpeTable ope,
        RewardVersusCost rewardVersusCost, OodRates ood, ActionHeatMaps actions, List<DoseExcessCurve> doseExcess,
        List<RuleCost> ruleCosts, List<String> notes) {

    public static final String FORMAT = "vigil-evaluation-report";
    public static final int FORMAT_VERSION = 1;

    public EvaluationReport {
        if (!FORMAT.equals(format) || formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("Not a " + FORMAT + " version " + FORMAT_VERSION + ": format '"
                    + format + "', version " + formatVersion);
        }
        learningCurves = learningCurves == null ? Map.of() : new java.util.TreeMap<>(learningCurves);
        doseExcess = doseExcess == null ? List.of() : List.copyOf(doseExcess);
        ruleCosts = ruleCosts == null ? List.of() : List.copyOf(ruleCosts);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * @param algorithm registry name, e.g. {@code ogsrl}
     * @param configSha256 SHA-256 of the canonical config JSON ("" when unknown)
     * @param datasetSha256 the evaluated dataset's content hash
     * @param ruleSetVersion e.g. {@code sepsis-bedside@1.0.0}, or {@code none}
     * @param codeVersion the code that trained the policy ("" when unknown)
     * @param datasetName the dataset schema's name
     * @param episodes episodes evaluated
     * @param steps logged steps evaluated
     * @param seed the report's seed (bootstrap)
     */
    public record RunInfo(String algorithm, String configSha256, String datasetSha256, String ruleSetVersion,
            String codeVersion, String datasetName, int episodes, long steps, long seed) {
    }

    /**
     * @param selection {@code last} or {@code best-by-ope-lower-bound}
     * @param selectionEstimator {@code WIS} or {@code WDR}: whose lower bound ranks candidates
     * @param iteration the shown checkpoint's iteration
     * @param candidates every candidate checkpoint, iterations ascending
     */
    public record CheckpointInfo(String selection, String selectionEstimator, int iteration,
            List<CandidateBound> candidates) {
    }

    /** One candidate checkpoint's selection estimate and its one-sided bootstrap lower bound. */
    public record CandidateBound(int iteration, double estimate, double lowerBound) {
    }

    /** One point of a learning curve. */
    public record CurvePoint(int iteration, double value) {
    }

    /**
     * @param onDiscretisedData true when states or actions were discretised for the evaluation
     * @param stateCount states of the evaluation space
     * @param actionCount joint action ids of the evaluation space
     * @param rewardSource {@code data} (the dataset's rewards) or {@code outcome} (+1 survival, -1 death at the
     *     last step)
     * @param discount 1: the undiscounted return
     * @param epsilonFloor the clinicians' (behaviour) policy floor
     * @param flooredPairs (state, action) pairs that got the floor
     * @param bootstrapReplicates B
     * @param confidenceLevel of the intervals, e.g. 0.95
     * @param policy rows WIS, WPDIS, FQE, WDR for the shown policy
     * @param clinicians the same rows for the clinicians' estimated policy
     */
    public record OpeTable(boolean onDiscretisedData, int stateCount, int actionCount, String rewardSource,
            double discount, double epsilonFloor, int flooredPairs, int bootstrapReplicates, double confidenceLevel,
            List<OpeRow> policy, List<OpeRow> clinicians) {
    }

    /**
     * @param estimator WIS, WPDIS, FQE or WDR
     * @param estimate the estimate on all episodes
     * @param lower 2.5th percentile of the bootstrap replicates (at level 0.95)
     * @param upper 97.5th percentile
     * @param lowerBound one-sided 5th percentile
     * @param effectiveSampleSize Kish's ESS of the trajectory weights (NaN for FQE)
     */
    public record OpeRow(String estimator, double estimate, double lower, double upper, double lowerBound,
            double effectiveSampleSize) {
    }

    /**
     * @param budget the cost budget per episode
     * @param points the clinicians, the shown policy and every candidate checkpoint
     */
    public record RewardVersusCost(double budget, List<RewardCostPoint> points) {
    }

    /**
     * @param label e.g. {@code clinicians}, {@code policy}, {@code checkpoint 40}
     * @param kind {@code clinicians}, {@code policy} or {@code checkpoint}
     * @param iteration the checkpoint's iteration, or -1 for the clinicians
     * @param reward WIS estimate of the return per episode
     * @param cost WIS estimate of the cost per episode
     * @param withinBudget whether the cost estimate is within the budget
     */
    public record RewardCostPoint(String label, String kind, int iteration, double reward, double cost,
            boolean withinBudget) {
    }

    /**
     * @param guardian the guardian's name
     * @param threshold its score threshold
     * @param targetCoverage the share of in-distribution points it aims to keep (NaN when not calibrated)
     * @param measuredCoverage the share of held-out points it kept (NaN when not calibrated)
     * @param steps logged steps judged
     * @param policyRate share of steps whose (state, recommended doses) the guardian judged out of distribution
     * @param clinicianRate the same share for (state, logged doses)
     */
    public record OodRates(String guardian, double threshold, double targetCoverage, double measuredCoverage,
            long steps, double policyRate, double clinicianRate) {
    }

    /**
     * Counts over logged steps. Rows are the bins of {@code rowAction} (vasopressor), columns those of
     * {@code columnAction} (IV fluid), bin 0 = none.
     *
     * @param rowAction e.g. {@code vasopressor}
     * @param columnAction e.g. {@code iv_fluid}
     * @param clinician {@code [rowBin][columnBin]}: logged actions
     * @param policy {@code [rowBin][columnBin]}: the policy's recommended action at the same steps
     * @param confusion {@code [clinician joint id][policy joint id]}
     */
    public record ActionHeatMaps(String rowAction, String columnAction, long[][] clinician, long[][] policy,
            long[][] confusion) {
    }

    /**
     * @param action the dose's name, e.g. {@code iv_fluid}
     * @param unit its unit
     * @param skippedSteps steps left out (no known outcome, or a dose not recorded)
     * @param bins from the most negative excess to the most positive
     */
    public record DoseExcessCurve(String action, String unit, long skippedSteps, List<DoseExcessBin> bins) {
    }

    /**
     * @param lower lower edge of the excess (given - recommended)
     * @param upper upper edge; the end bins also hold every excess beyond the range
     * @param steps logged steps in the bin
     * @param deaths of those, steps of patients who died (the outcome event)
     * @param mortality deaths / steps, NaN for an empty bin
     */
    public record DoseExcessBin(double lower, double upper, long steps, long deaths, double mortality) {
    }

    /**
     * @param rule the rule's id, or {@code total}
     * @param weight the rule's cost weight (NaN for {@code total})
     * @param clinicians mean cost per episode under the clinicians (observed)
     * @param policy WIS estimate of the cost per episode under the shown policy
     */
    public record RuleCost(String rule, double weight, double clinicians, double policy) {
    }
}
