package dev.vigil.offlinerl.report;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.ope.BehaviourEstimate;
import dev.vigil.offlinerl.ope.BehaviourPolicyEstimator;
import dev.vigil.safety.cost.CostModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dataset as the report reads it: every step in the evaluation space, the rewards, per-rule costs and outcome of
 * every episode, which episodes the horizon cut off, and the clinicians' (behaviour) policy estimated with a floor.
 */
final class ReportData {

    final TrajectoryDataset data;
    final EvaluationSpace space;
    final List<LoggedStep[]> steps = new ArrayList<>();
    final List<double[]> rewards = new ArrayList<>();
    /** Per episode, shape (steps, rules); empty rules when there are no costs. */
    final List<double[][]> ruleCosts = new ArrayList<>();
    final List<String> ruleIds;
    final double[] ruleWeights;
    final Set<String> truncated = new HashSet<>();
    final BehaviourEstimate behaviour;
    final boolean rewardsFromData;
    final long totalSteps;

    ReportData(TrajectoryDataset data, EvaluationSpace space, CostModel costs, double epsilonFloor) {
        if (data == null || data.episodes().isEmpty()) {
            throw new IllegalArgumentException("The report needs a dataset with at least one episode");
        }
        this.data = data;
        this.space = space;
        DatasetSchema schema = data.schema();
        this.rewardsFromData = schema.hasRewards();
        boolean continuousStates = !schema.stateType().isDiscrete();
        boolean continuousActions = !schema.actionType().isDiscrete();
        if (costs != null) {
            if (!continuousStates || !continuousActions) {
                throw new IllegalArgumentException("A cost model reads continuous features and doses; dataset "
                        + schema.name() + " is discrete: leave the cost model out and give the costs in the data");
            }
            ruleIds = costs.ruleIds();
            ruleWeights = costs.weights();
        } else if (schema.hasCosts()) {
            ruleIds = List.of("data");
            ruleWeights = new double[] {Double.NaN};
        } else {
            ruleIds = List.of();
            ruleWeights = new double[0];
        }
        int horizon = data.episodes().stream().mapToInt(Episode::steps).max().orElse(1);
        List<Episode> tabular = new ArrayList<>();
        long count = 0;
        for (int i = 0; i < data.episodes().size(); i++) {
            Episode e = data.episodes().get(i);
            double[][] states = continuousStates ? ((ContinuousStates) e.states()).values() : null;
            double[][] doses = continuousActions ? ((ContinuousActions) e.actions()).values() : null;
            LoggedStep[] row = new LoggedStep[e.steps()];
            int[] stateIds = new int[e.steps()];
            int[] actionIds = new int[e.steps()];
            double[][] c = new double[e.steps()][ruleIds.size()];
            for (int t = 0; t < e.steps(); t++) {
                stateIds[t] = space.stateId(e, t);
                actionIds[t] = space.actionId(e, t);
                if (stateIds[t] < 0 || stateIds[t] >= space.stateCount() || actionIds[t] < 0
                        || actionIds[t] >= space.actionCount()) {
                    throw new IllegalArgumentException("Episode " + e.id() + ", step " + t + " has state " + stateIds[t]
                            + " and action " + actionIds[t] + ", outside the evaluation space (" + space.stateCount()
                            + " states, " + space.actionCount() + " actions)");
                }
                row[t] = new LoggedStep(i, t, states == null ? null : states[t], stateIds[t], actionIds[t],
                        doses == null ? null : doses[t]);
                if (costs != null) {
                    c[t] = costs.evaluate(t == 0 ? null : states[t - 1], states[t], doses[t]).costs();
                } else if (schema.hasCosts()) {
                    c[t][0] = e.cost(t);
                }
            }
            count += e.steps();
            steps.add(row);
            ruleCosts.add(c);
            double[] r = rewardsFromData ? e.rewards() : outcomeRewards(e);
            rewards.add(r);
            // Every episode's last step is marked done; one that lasted the whole horizon was cut off by it (as
            // DiscretePolicyEvaluation decides), so FQE must not learn termination from it.
            if (e.steps() == horizon) {
                truncated.add(e.id());
            }
            tabular.add(new Episode(e.id(), new DiscreteStates(stateIds), new DiscreteActions(actionIds), r, null,
                    e.outcome(), null, List.of()));
        }
        this.totalSteps = count;
        DatasetSchema tabularSchema = new DatasetSchema(schema.name() + ".report", SpaceType.discrete(
                space.stateCount()), List.of(), SpaceType.discrete(space.actionCount()), List.of(), true, false,
                schema.cohortSpecId(), schema.cohortSpecVersion(), schema.blocLength());
        this.behaviour = new BehaviourPolicyEstimator(epsilonFloor).estimate(new TrajectoryDataset(tabularSchema,
                tabular));
    }

    /** Terminal outcome reward, as ogsrl trains on data without rewards: +1 survival, -1 death, 0 unknown. */
    static double[] outcomeRewards(Episode e) {
        double[] r = new double[e.steps()];
        if (e.outcome() != null) {
            r[e.steps() - 1] = e.outcome().event() ? -1 : 1;
        }
        return r;
    }

    int episodes() {
        return steps.size();
    }

    /** Total cost of each step of episode i (sum over rules). */
    double[] totalCosts(int i) {
        double[][] c = ruleCosts.get(i);
        double[] total = new double[c.length];
        for (int t = 0; t < c.length; t++) {
            for (double v : c[t]) {
                total[t] += v;
            }
        }
        return total;
    }

    /** The cost of rule r at each step of episode i. */
    double[] ruleCosts(int i, int r) {
        double[][] c = ruleCosts.get(i);
        double[] out = new double[c.length];
        for (int t = 0; t < c.length; t++) {
            out[t] = c[t][r];
        }
        return out;
    }
}
