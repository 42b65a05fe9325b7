package dev.vigil.api.tace;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the TACE endpoints (web-ui/src/api/tace.ts mirrors these). Numbers that are not finite (a
 * survival curve that never falls to one half has no median) are written as null.
 */
public final class TaceViews {

    private TaceViews() {
    }

    /** One patient of the world model's dataset, with the covariates shown when choosing. */
    public record PatientView(String id, Double age, String childPugh, String bclc, Double bilirubin, Double afp,
            boolean planned) {
    }

    /** The patients that can be planned, and what they would be planned with. */
    public record PatientsView(String datasetId, String datasetName, String worldModelId, List<PatientView> patients) {
    }

    /** One ranked plan. Risk is the scorer's relative hazard; the interval spans the K simulations. */
    public record RankedPlanView(int rank, String protocol, List<String> components, double risk, double riskLow,
            double riskHigh, Double medianSurvivalDays, double[] curveDays, double[] curveSurvival,
            double predictedTumourMl, double preTumourMl, List<String> safetyFlags, boolean recommended,
            boolean hasImages) {
    }

    /**
     * A patient's ranked plans with the provenance every plan carries.
     *
     * @param depth number of axial slices of the images (z is 0..depth-1)
     * @param simulationsPerPlan K, the stochastic simulations behind each plan's interval
     */
    public record PlanView(String patientId, String worldModelId, String executionProvider,
            String protocolSpaceVersion, String contraindicationRuleSet, List<String> contraindications,
            List<String> unknownChecks, boolean recommendable, int simulationsPerPlan, long seed, int depth,
            long elapsedMillis, Instant plannedAt, List<RankedPlanView> plans) {
    }

    /** The options of a planning request; every field optional. */
    public record PlanRequest(Integer k, Long seed, String provider) {
    }

    /**
     * The world model served by default: its record, the bundle manifest (provenance, data hash) and the
     * evaluation the bundle stores, if any ({@code evaluation.json} in the bundle folder).
     */
    public record WorldModelView(String id, String datasetId, String datasetName, String imagesDir, String path,
            String createdBy, Instant createdAt, Map<String, String> manifest, JsonNode evaluation,
            int otherModels) {
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
