package dev.vigil.offlinerl.discretise;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.objective.CostRuleSets;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.RuleSetRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-step costs OGSRL trains with: the data's own when it has a cost column; otherwise, when the rule set
 * compiles against the schema (every feature and action it reads is there, in its units, as for an icu-sepsis
 * dataset), the rule set's costs of the logged steps; otherwise none.
 *
 * @param source where the costs came from
 * @param ruleSet the rule set that computed them, for {@link CostSource#RULE_SET}; else null
 * @param costs one array per episode, shape (steps), or null for {@link CostSource#NONE}
 * @param reason for {@link CostSource#NONE}, why the rule set did not apply; else ""
 */
public record DerivedCosts(CostSource source, RuleSetRef ruleSet, List<double[]> costs, String reason) {

    /** {@code none}: the rule set id that turns derivation off. */
    public static final String NO_RULE_SET = "none";

    public DerivedCosts {
        if (source == null || (source == CostSource.RULE_SET) != (ruleSet != null)
                || (source == CostSource.NONE) != (costs == null)) {
            throw new IllegalArgumentException("Derived costs: a rule set goes with RULE_SET only, costs with "
                    + "DATA and RULE_SET only");
        }
        reason = reason == null ? "" : reason;
    }

    /**
     * @param ruleSetId a shipped rule set id (e.g. {@code sepsis-bedside}), {@code ogsrl-sepsis}, a subset
     *     {@code <id>:<rule>,...} ({@link CostRuleSets}) or {@link #NO_RULE_SET}
     */
    public static DerivedCosts of(TrajectoryDataset data, String ruleSetId) {
        if (data.schema().hasCosts()) {
            List<double[]> costs = new ArrayList<>();
            data.episodes().forEach(e -> costs.add(e.costs()));
            return new DerivedCosts(CostSource.DATA, null, costs, "");
        }
        if (NO_RULE_SET.equals(ruleSetId)) {
            return new DerivedCosts(CostSource.NONE, null, null, "cost derivation is off (costRuleSet = none)");
        }
        return fromRuleSet(data, CostRuleSets.resolve(ruleSetId));
    }

    /** Costs from {@code ruleSet}, or none when it does not fit the schema (the reason says why). */
    public static DerivedCosts fromRuleSet(TrajectoryDataset data, RuleSet ruleSet) {
        if (data.schema().stateType().isDiscrete() || data.schema().actionType().isDiscrete()) {
            // Rules read named features and doses; state or action ids carry no names to read.
            return new DerivedCosts(CostSource.NONE, null, null, "rule set " + ruleSet.id() + " reads named "
                    + "features and actions, and this dataset has discrete states or actions");
        }
        CostModel model;
        try {
            model = CostModel.compile(ruleSet, data.schema());
        } catch (IllegalArgumentException e) {
            return new DerivedCosts(CostSource.NONE, null, null, e.getMessage());
        }
        List<double[]> costs = new ArrayList<>();
        for (Episode e : data.episodes()) {
            costs.add(model.evaluate(e).stepCosts());
        }
        return new DerivedCosts(CostSource.RULE_SET, model.ruleSetRef(), costs, "");
    }

    /** The rule set as provenance names it, e.g. {@code sepsis-bedside@1.0.0}. */
    public String ruleSetVersion() {
        return ruleSet == null ? "none" : ruleSet.id() + "@" + ruleSet.version();
    }
}
