package dev.vigil.offlinerl.discretise;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.RegisteredAlgorithm;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;
import dev.vigil.offlinerl.algo.tabular.TabularOgsrl;
import dev.vigil.offlinerl.algo.tabular.TabularTrainedPolicy;
import dev.vigil.offlinerl.objective.TrainingRewards;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ogsrl} on every dataset kind. Discrete states and actions go to {@link TabularOgsrl} unchanged. Otherwise
 * the data is discretised the AI Clinician's way (k-means states, 5-bin doses per action), given costs from a rule
 * set when it has none and its schema fits, given terminal outcome rewards when it has none, and then solved by
 * {@link TabularOgsrl}; the result is a {@link DiscretisedPolicy} that also answers for raw feature vectors.
 */
public final class DiscretisedOgsrl implements OfflineAlgorithm<DiscretisedOgsrlConfig> {

    static final String NAME = "ogsrl";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The registry's {@code ogsrl}: config files and the command line keep {@link OgsrlConfig}'s fields; the
     * discretisation takes {@link DiscretisedOgsrlConfig#forData}'s defaults (k from the number of logged steps).
     */
    public static RegisteredAlgorithm<OgsrlConfig> registered() {
        return new RegisteredAlgorithm<>(new RegistryEntry(), OgsrlConfig.class, OgsrlConfig.defaults());
    }

    @Override
    public TrainedPolicy fit(TrajectoryDataset data, DiscretisedOgsrlConfig config, TrainingListener listener) {
        if (config == null) {
            throw new IllegalArgumentException("'ogsrl' needs a config; use DiscretisedOgsrlConfig.defaults()");
        }
        TrainingListener out = listener == null ? TrainingListener.NONE : listener;
        if (data == null || data.episodes().isEmpty()
                || (data.schema().stateType().isDiscrete() && data.schema().actionType().isDiscrete())) {
            // Tabular data (and the refusals of null and empty data) exactly as tabular OGSRL has them.
            return new TabularOgsrl().fit(data, config.ogsrl(), out);
        }
        requireEnoughSteps(data, config);
        SplittableRandom rng = new SplittableRandom(config.seed());
        StateClusters clusters = data.schema().stateType().isDiscrete() ? null
                : StateClusters.fit(DiscretisedData.stateRows(data), config.clusters(), config.kmeansIterations(), rng);
        DoseBins bins = data.schema().actionType().isDiscrete() ? null : DoseBins.fit(data);
        DerivedCosts costs = DerivedCosts.of(data, config.costRuleSet());
        // The rewards are computed on the continuous data, before discretisation: the SOFA score needs the features.
        String rewardSource = TrainingRewards.source(data, config.reward());
        List<double[]> rewards = TrainingRewards.of(data, config.reward(), config.survivalReward(),
                config.deathReward()).perEpisode();
        int unknownOutcomes = data.schema().hasRewards() ? 0
                : (int) data.episodes().stream().filter(e -> e.outcome() == null).count();
        TrajectoryDataset tabular = DiscretisedData.build(data, clusters, bins, costs.costs(), rewards);
        TrainedPolicy inner = new TabularOgsrl().fit(tabular, config.ogsrl(), out);

        DiscretisationReport how = new DiscretisationReport(clusters == null ? 0 : clusters.k(),
                bins == null ? List.of() : bins.actions().stream().map(ActionBins::count).toList(), costs.source(),
                costs.ruleSet(), costs.reason(), data.schema().hasRewards(), data.schema().hasRewards()
                        ? "the dataset's rewards"
                        : TrainingRewards.SOFA.equals(rewardSource)
                                ? "OGSRL's per-step SOFA reward (-clip(SOFA, 2.5, 12.5) of the bloc each dose led to, "
                                        + "-12.5 for every bloc from a death in the window to its end) plus terminal "
                                        + config.survivalReward() + " on survival, " + config.deathReward() + " on death"
                                : "terminal " + config.survivalReward() + " on survival, " + config.deathReward()
                                        + " on death (the dataset's outcome), 0 on other steps; no SOFA shaping",
                unknownOutcomes);
        Map<String, Double> summary = new HashMap<>(inner.report().summary());
        summary.put("costsInData", costs.source() == CostSource.DATA ? 1.0 : 0.0);
        summary.put("costsFromRuleSet", costs.source() == CostSource.RULE_SET ? 1.0 : 0.0);
        summary.put("rewardsInData", data.schema().hasRewards() ? 1.0 : 0.0);
        summary.put("rewardUnknownOutcomes", (double) unknownOutcomes);
        summary.put("sofaRewards", TrainingRewards.SOFA.equals(rewardSource) ? 1.0 : 0.0);
        summary.put("clusters", (double) how.clusters());
        summary.put("actionIds", (double) tabular.schema().actionType().size());
        String ruleSetVersion = switch (costs.source()) {
            case DATA -> config.ogsrl().ruleSetVersion();
            case RULE_SET -> costs.ruleSetVersion();
            case NONE -> "none";
        };
        double[][] table = ((TabularTrainedPolicy) inner).table().probabilities();
        return new DiscretisedPolicy(table, clusters, bins, how,
                PolicyProvenance.of(NAME, config, data, ruleSetVersion),
                new FitReport(summary, inner.report().uniformStates(), inner.report().fallbackStates()));
    }

    /**
     * Refuses data too small to discretise: k-means with k clusters needs at least k steps, and with fewer logged
     * steps than OGSRL's {@code minCount} no (state, action) pair could be in the data's support, so every state
     * would fall back and the "policy" would say nothing.
     */
    private static void requireEnoughSteps(TrajectoryDataset data, DiscretisedOgsrlConfig config) {
        long steps = data.totalSteps();
        String name = data.schema().name();
        if (!data.schema().stateType().isDiscrete() && steps < Math.max(config.clusters(), config.ogsrl().minCount())) {
            throw new IllegalArgumentException("Dataset " + name + " has continuous states (field 'stateType' = "
                    + data.schema().stateType() + ") but only " + steps + " logged steps for " + config.clusters()
                    + " k-means clusters (field 'clusters') and minCount " + config.ogsrl().minCount() + ": give more "
                    + "data or fewer clusters, or discretise the states yourself and import with --state-type discrete");
        }
        if (!data.schema().actionType().isDiscrete() && steps < config.ogsrl().minCount()) {
            throw new IllegalArgumentException("Dataset " + name + " has continuous actions (field 'actionType' = "
                    + data.schema().actionType() + ") but only " + steps + " logged steps, fewer than minCount "
                    + config.ogsrl().minCount() + ": no dose bin could be in the data's support; give more data, or bin "
                    + "the doses yourself and import with --action-type discrete");
        }
    }

    /**
     * {@code ogsrl} as the registry holds it: {@link OgsrlConfig} in (config files, {@code ./vigil train} and the
     * existing callers keep their fields), the discretisation at {@link DiscretisedOgsrlConfig#forData}.
     */
    private static final class RegistryEntry implements OfflineAlgorithm<OgsrlConfig> {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public TrainedPolicy fit(TrajectoryDataset data, OgsrlConfig config, TrainingListener listener) {
            if (config == null) {
                throw new IllegalArgumentException("'ogsrl' needs a config; use OgsrlConfig.defaults()");
            }
            long steps = data == null ? 0 : data.totalSteps();
            return new DiscretisedOgsrl().fit(data, DiscretisedOgsrlConfig.forData(config, steps), listener);
        }
    }
}
