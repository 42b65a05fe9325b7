package dev.vigil.offlinerl.discretise;

import dev.vigil.safety.cost.RuleSetRef;
import java.util.List;

/**
 * How continuous data was made tabular, and where rewards and costs came from.
 *
 * @param clusters k of the k-means states, or 0 when the states were already discrete
 * @param binsPerAction the number of dose bins of each continuous action (bin 0 included), empty when the actions
 *     were already discrete
 * @param costSource where the costs came from
 * @param costRuleSet the rule set that computed them, for {@link CostSource#RULE_SET}; else null
 * @param costNote for {@link CostSource#NONE}: why no rule set applied; else ""
 * @param rewardsFromData whether the data's own rewards were used
 * @param rewardDefinition what the rewards are, in words
 * @param rewardUnknownOutcomes episodes whose derived terminal reward is 0 because their outcome is unknown
 */
public record DiscretisationReport(int clusters, List<Integer> binsPerAction, CostSource costSource,
        RuleSetRef costRuleSet, String costNote, boolean rewardsFromData, String rewardDefinition,
        int rewardUnknownOutcomes) {

    public DiscretisationReport {
        binsPerAction = List.copyOf(binsPerAction == null ? List.of() : binsPerAction);
        if (costSource == null) {
            throw new IllegalArgumentException("A discretisation report states where the costs came from");
        }
        costNote = costNote == null ? "" : costNote;
        rewardDefinition = rewardDefinition == null ? "" : rewardDefinition;
    }
}
