package dev.vigil.worldmodel.planner;

import java.util.List;

/**
 * One protocol as ranked for a patient.
 *
 * @param rank 1 = lowest mean predicted risk
 * @param protocol {@code TaceProtocol.label()}
 * @param components display names of the components
 * @param risk mean over the K simulations of the scorer's risk (log relative hazard; lower is better)
 * @param riskLow lowest risk over the K simulations
 * @param riskHigh highest risk over the K simulations
 * @param medianSurvivalDays median of the predicted curve; NaN when it stays above 0.5
 * @param curveDays times of the predicted survival curve (at the mean risk)
 * @param curveSurvival S(t) at those times
 * @param predictedTumourMl mean simulated post-treatment tumour volume
 * @param preTumourMl tumour volume before treatment
 * @param safetyFlags "rule-id: reason" of the patient's contraindications (on every plan)
 * @param recommended true only for rank 1 of a patient without contraindications
 */
public record RankedPlan(int rank, String protocol, List<String> components, double risk, double riskLow,
        double riskHigh, double medianSurvivalDays, double[] curveDays, double[] curveSurvival,
        double predictedTumourMl, double preTumourMl, List<String> safetyFlags, boolean recommended) {

    public RankedPlan {
        components = List.copyOf(components);
        safetyFlags = List.copyOf(safetyFlags);
    }
}
