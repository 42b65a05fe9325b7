package dev.vigil.offlinerl.safetyreport;

import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.safety.constraint.PolicyUnderReview;
import dev.vigil.safety.constraint.SafetyConstraintReport;
import dev.vigil.safety.constraint.SafetyConstraintReportBuilder;
import dev.vigil.safety.constraint.SafetyThresholds;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSet;
import java.util.Map;

/** Builds safety-constraint reports for the policies Vigil trains on continuous clinical data. */
public final class PolicySafetyReports {

    private PolicySafetyReports() {
    }

    /** A discretised policy recommends its most probable dose bin's representative doses. */
    public static PolicyUnderReview of(DiscretisedPolicy policy) {
        return (episode, t) -> policy.actionFor(((ContinuousStates) episode.states()).values()[t]);
    }

    /** A continuous policy recommends its mean action. */
    public static PolicyUnderReview of(ContinuousPolicy policy) {
        return (episode, t) -> policy.act(((ContinuousStates) episode.states()).values()[t]);
    }

    /**
     * The report of {@code policy} on {@code evaluation} under {@code rules}, judged by OGSRL's guardian fitted
     * and calibrated on the same data with {@code seed}.
     */
    public static SafetyConstraintReport build(PolicyUnderReview policy, TrajectoryDataset evaluation, RuleSet rules,
            CostBudget budget, SafetyThresholds thresholds, long seed, String title, Map<String, String> provenance) {
        DatasetGuardian guardian = DatasetGuardian.fit(evaluation, seed);
        return new SafetyConstraintReportBuilder(CostModel.compile(rules, evaluation.schema()), budget, thresholds)
                .guardian(guardian, guardian.calibration())
                .build(evaluation, policy, title, provenance);
    }
}
