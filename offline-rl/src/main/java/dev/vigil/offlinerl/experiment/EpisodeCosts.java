package dev.vigil.offlinerl.experiment;

import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The true-rollout costs of the ICU experiments per episode, under the constraint's rule set (OGSRL's two rules)
 * and under sepsis-bedside (all six, for reference). Episodes run one after another from bloc 0.
 */
final class EpisodeCosts {

    private final CostModel constraint;
    private final CostModel bedside;
    private final List<double[]> perEpisode = new ArrayList<>();   // {constraint, sepsis-bedside}

    EpisodeCosts(CostModel constraint, CostModel bedside) {
        this.constraint = constraint;
        this.bedside = bedside;
    }

    /** Adds one decision's costs; bloc 0 starts a new episode. */
    void record(int bloc, double[] previous, double[] state, double[] doses) {
        if (bloc == 0) {
            perEpisode.add(new double[2]);
        }
        double[] c = perEpisode.get(perEpisode.size() - 1);
        c[0] += constraint.totalCost(previous, state, doses);
        c[1] += bedside.totalCost(previous, state, doses);
    }

    /** Mean cost per episode under the constraint's rule set. */
    double meanConstraintCost() {
        return perEpisode.stream().mapToDouble(c -> c[0]).average().orElse(0);
    }

    /** Mean cost per episode under sepsis-bedside. */
    double meanBedsideCost() {
        return perEpisode.stream().mapToDouble(c -> c[1]).average().orElse(0);
    }

    /** Share of episodes whose constraint cost is within OGSRL's budget. */
    double withinBudgetShare() {
        return perEpisode.stream().filter(c -> c[0] <= CostBudget.OGSRL_LIMIT).count()
                / (double) Math.max(1, perEpisode.size());
    }
}
