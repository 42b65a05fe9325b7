package dev.vigil.worldmodel.planner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A patient's ranked plans.
 *
 * @param patientId the patient
 * @param worldModelId the bundle's content hash
 * @param executionProvider ONNX Runtime provider used ({@code CPU} or {@code CUDA})
 * @param protocolSpaceVersion the protocol space ranked
 * @param contraindicationRuleSet id, version and hash of the contraindication rules applied
 * @param contraindications "rule-id: reason" of every violated contraindication
 * @param unknownChecks "rule-id: reason" of rules that could not be checked (missing covariates)
 * @param recommendable false when any contraindication holds: plans are shown, none recommended
 * @param plans best first
 * @param elapsedMillis wall time of the planning
 * @param topImages images of the first {@code keepImagesForTop} plans, in rank order (not serialised)
 * @param dynamicsMembers SHA-256 of each dynamics model (ensemble member) that simulated, in member order
 * @param drawsPerMember simulations per plan each member ran (same order)
 * @param disagreementWeight the ranking's pessimism weight on the members' disagreement (0 = mean risk)
 */
public record PlanResult(String patientId, String worldModelId, String executionProvider, String protocolSpaceVersion,
        String contraindicationRuleSet, List<String> contraindications, List<String> unknownChecks,
        boolean recommendable, List<RankedPlan> plans, long elapsedMillis, @JsonIgnore List<PlanImages> topImages,
        List<String> dynamicsMembers, List<Integer> drawsPerMember, double disagreementWeight) {

    public PlanResult {
        contraindications = List.copyOf(contraindications);
        unknownChecks = List.copyOf(unknownChecks);
        plans = List.copyOf(plans);
        topImages = List.copyOf(topImages);
        dynamicsMembers = List.copyOf(dynamicsMembers);
        drawsPerMember = List.copyOf(drawsPerMember);
    }

    /** Pre CT, pre mask, mean simulated post CT and post mask for plan {@code rank} (1-based, kept ranks only). */
    public PlanImages images(int rank) {
        if (rank < 1 || rank > topImages.size()) {
            throw new IllegalArgumentException("images are kept for ranks 1 to " + topImages.size() + ", not " + rank
                    + " (raise keepImagesForTop)");
        }
        return topImages.get(rank - 1);
    }
}
