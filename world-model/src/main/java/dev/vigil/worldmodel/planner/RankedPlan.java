package dev.vigil.worldmodel.planner;

import java.util.List;

/**
 * One protocol as ranked for a patient.
 *
 * @param rank 1 = lowest ranking score: the risk, plus the planner's disagreement weight x memberDisagreement
 * @param protocol {@code TaceProtocol.label()}
 * @param components display names of the components
 * @param risk the scorer's risk (log relative hazard; lower is better): mean over the ensemble members of each
 *     member's mean over its simulations (one member: the mean of the K simulations)
 * @param riskLow lowest risk over all simulations of all members
 * @param riskHigh highest risk over all simulations of all members
 * @param medianSurvivalDays median of the predicted curve; NaN when it stays above 0.5
 * @param curveDays times of the predicted survival curve (at the mean risk)
 * @param curveSurvival S(t) at those times
 * @param predictedTumourMl mean simulated post-treatment tumour volume
 * @param preTumourMl tumour volume before treatment
 * @param safetyFlags "rule-id: reason" of the patient's contraindications (on every plan)
 * @param recommended true only for rank 1 of a patient without contraindications
 * @param memberDisagreement standard deviation (population) of the ensemble members' mean risks; 0 for one member
 */
public record RankedPlan(int rank, String protocol, List<String> components, double risk, double riskLow,
        double riskHigh, double medianSurvivalDays, double[] curveDays, double[] curveSurvival,
        double predictedTumourMl, double preTumourMl, List<String> safetyFlags, boolean recommended,
        double memberDisagreement) {

    public RankedPlan {
        components = List.copyOf(components);
        safetyFlags = List.copyOf(safetyFlags);
    }
}
