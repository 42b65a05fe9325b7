package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.Outcome;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.objective.CostRuleSets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model-based optimisers train on the configured reward and cost rule set. */
class ModelBasedObjectiveTest {

    // pf_ratio, platelets, bilirubin, map, gcs, creatinine, urine_output, spo2, urine_output_cum, weight
    private static DatasetSchema schema(boolean withBilirubin) {
        List<Variable> f = new ArrayList<>(List.of(new Variable("pf_ratio", "mm[Hg]"),
                new Variable("platelets", "10*3/uL"), new Variable("bilirubin", "mg/dL"), new Variable("map", "mm[Hg]"),
                new Variable("gcs", "{score}"), new Variable("creatinine", "mg/dL"), new Variable("urine_output", "mL"),
                new Variable("spo2", "%"), new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")));
        if (!withBilirubin) {
            f.remove(2);
        }
        return new DatasetSchema("mini-icu", SpaceType.continuous(), f, SpaceType.continuous(),
                List.of(new Variable("iv_fluid", "mL"), new Variable("vasopressor", "ug/kg/min")), false, false,
                "icu-sepsis", "1", Duration.ofHours(4));
    }

    private static TrajectoryDataset data(boolean withBilirubin) {
        List<Episode> episodes = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            double[][] s = new double[3][];
            double[][] a = new double[3][];
            for (int t = 0; t < 3; t++) {
                double[] row = {350 - 10 * k, 120, 2.5, 68 + t, 14, 1.0, 100 + 10 * t, 95 - k, 100 * (t + 1), 70};
                s[t] = withBilirubin ? row : removeIndex(row, 2);
                a[t] = new double[] {250 * t, 0.02 * k};
            }
            episodes.add(new Episode("p" + k, new ContinuousStates(s, new boolean[3][s[0].length]),
                    new ContinuousActions(a), null, null, new Outcome(k == 5, 60), null, List.of()));
        }
        return new TrajectoryDataset(schema(withBilirubin), episodes);
    }

    private static double[] removeIndex(double[] x, int i) {
        double[] y = new double[x.length - 1];
        System.arraycopy(x, 0, y, 0, i);
        System.arraycopy(x, i + 1, y, i, x.length - i - 1);
        return y;
    }

    @Test
    void setupUsesSofaRewardsAndOgsrlsTwoRules() {
        ModelBasedConfig config = ModelBasedConfig.defaults().withObjective("sofa", CostRuleSets.OGSRL_SEPSIS);
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data(true), config);

        assertThat(setup.rewardSource).isEqualTo("sofa");
        assertThat(setup.costModel.ruleSetRef().id()).isEqualTo("ogsrl-sepsis");
        assertThat(setup.costModel.ruleIds()).containsExactly("sepsis.spo2-low", "sepsis.urine-output-low");
        assertThat(setup.ruleSetVersion).startsWith("ogsrl-sepsis@");
        // auto picks sofa on such data; outcome keeps the old terminal-only reward
        assertThat(ModelBasedOptimizer.Setup.of(data(true), ModelBasedConfig.defaults()).rewardSource).isEqualTo("sofa");
        assertThat(ModelBasedOptimizer.Setup.of(data(true), ModelBasedConfig.defaults().withObjective("outcome",
                "sepsis-bedside")).rewardSource).isEqualTo("outcome");
    }

    @Test
    void theModelEarnsTheSofaRewardOfTheMatchedStep() {
        ModelBasedConfig config = ModelBasedConfig.defaults().withObjective("sofa", "none");
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data(true), config);
        // Logged episode 0, step 0 -> state 1: pf 350 (1), platelets 120 (1), bilirubin 2.5 (2), MAP 69 without
        // vasopressor (1), GCS 14 (1), creatinine 1.0 and urine 110 mL / bloc = 660 / day (0): SOFA 6.
        ScaledEpisodeAccess first = new ScaledEpisodeAccess(setup);
        SimulatedEnvironment.StepOutcome out = setup.environment.step(null, first.state(0, 0), first.action(0, 0));
        assertThat(out.reward()).isEqualTo(-6.0);
        assertThat(out.cost()).isZero();
    }

    @Test
    void sofaOnDataWithoutItsColumnsStopsBeforeTraining() {
        ModelBasedConfig config = ModelBasedConfig.defaults().with(1, 1).withObjective("sofa", "none");
        assertThatThrownBy(() -> new ModelBasedOptimizer(ModelBasedOptimizer.Variant.GMB_CPO).train(data(false),
                config, TrainingListener.NONE, ModelBasedTrainer.Checkpointing.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bilirubin'");
        assertThatThrownBy(() -> ModelBasedConfig.defaults().withObjective("shaped", "none"))
                .hasMessageContaining("reward is 'shaped'");
        assertThatThrownBy(() -> ModelBasedOptimizer.Setup.of(data(true), ModelBasedConfig.defaults()
                .withObjective("sofa", "sepsis-bedside:sepsis.nope"))).hasMessageContaining("'sepsis.nope'");
    }

    @Test
    void theEnsembleEnvironmentScoresPredictedStatesAndChargesTheRuleSetsCosts() {
        ModelBasedConfig config = ModelBasedConfig.defaults().withObjective("sofa", CostRuleSets.OGSRL_SEPSIS)
                .withEnvironmentModel(ModelBasedConfig.ENSEMBLE).with(1, 3);
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data(true), config);
        ModelBasedOptimizer.Setup nearest = ModelBasedOptimizer.Setup.of(data(true),
                config.withEnvironmentModel(ModelBasedConfig.NEAREST_NEIGHBOUR));
        assertThat(setup.ensemble).isNotNull();
        assertThat(nearest.ensemble).isNull();

        ScaledEpisodeAccess logged = new ScaledEpisodeAccess(setup);
        // Episode 5, step 1: SpO2 90 % and 200 mL of urine over 70 kg (2.9 mL/kg), after step 0's 1.4 mL/kg.
        double[] previous = logged.state(5, 0);
        double[] state = logged.state(5, 1);
        double[] action = logged.action(5, 1);
        SimulatedEnvironment.StepOutcome a = setup.environmentFor(11).step(previous, state, action);
        SimulatedEnvironment.StepOutcome b = setup.environmentFor(11).step(previous, state, action);
        SimulatedEnvironment.StepOutcome other = setup.environmentFor(12).step(previous, state, action);

        assertThat(a.nextState()).containsExactly(b.nextState());   // a run's model noise comes from its seed
        assertThat(a.nextState()).isNotEqualTo(other.nextState());
        assertThat(a.terminal()).isFalse();
        // The reward is the SOFA step reward of the state the model predicted, with the dose that ran.
        double[] predicted = setup.scaling.unscaleState(a.nextState());
        double[] dose = setup.scaling.unscaleAction(action);
        assertThat(a.reward()).isEqualTo(dev.vigil.offlinerl.objective.SofaStepReward.forSchema(data(true).schema())
                .step(predicted, dose)).isBetween(-12.5, -2.5);
        // The cost is the rule set's on the simulated (previous, state, action), as the 1-NN model charges it.
        assertThat(a.cost()).isPositive().isEqualTo(nearest.environment.step(previous, state, action).cost());
    }

    @Test
    void theEnsembleNeedsARewardItCanComputeFromAPredictedState() {
        ModelBasedConfig config = ModelBasedConfig.defaults().withObjective("outcome", "none")
                .withEnvironmentModel(ModelBasedConfig.ENSEMBLE);
        assertThatThrownBy(() -> ModelBasedOptimizer.Setup.of(data(true), config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dataset mini-icu: environmentModel 'ensemble' needs a reward")
                .hasMessageContaining("'outcome'");
        assertThatThrownBy(() -> ModelBasedConfig.defaults().withEnvironmentModel("knn"))
                .hasMessageContaining("environmentModel is 'knn'").hasMessageContaining("nearest-neighbour");
    }

    @Test
    void theGuardedLearnersCanAlsoFlagWhereTheEnsembleDisagrees() {
        ModelBasedConfig config = ModelBasedConfig.defaults().withObjective("sofa", CostRuleSets.OGSRL_SEPSIS)
                .withEnvironmentModel(ModelBasedConfig.ENSEMBLE).withDisagreementPercentile(40).with(1, 3);
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data(true), config);
        assertThat(setup.disagreement).isNotNull();
        assertThat(setup.trainingGuardian).isInstanceOf(dev.vigil.safety.guardian.CombinedGuardian.class);

        // Calibrated on the episodes the ensemble held out from its training: by hand, the 40th percentile of the
        // negated mean pairwise distance of the members' predictions there.
        List<dev.vigil.offlinerl.dynamics.ScaledEpisode> holdout = dev.vigil.offlinerl.dynamics.EpisodeSplit.byEpisode(
                setup.dynamics.episodes(), setup.ensemble.config().holdoutFraction(), setup.ensemble.config().seed())
                .holdout();
        assertThat(holdout).isNotEmpty();
        List<double[]> points = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (dev.vigil.offlinerl.dynamics.ScaledEpisode episode : holdout) {
            for (int t = 0; t < episode.steps(); t++) {
                double[] p = java.util.Arrays.copyOf(episode.state(t), episode.stateDimension()
                        + episode.actionDimension());
                System.arraycopy(episode.action(t), 0, p, episode.stateDimension(), episode.actionDimension());
                points.add(p);
                double[][] members = setup.ensemble.predict(p);
                double sum = 0;
                int pairs = 0;
                for (int a = 0; a < members.length; a++) {
                    for (int b = a + 1; b < members.length; b++) {
                        double squares = 0;
                        for (int j = 0; j < members[a].length; j++) {
                            squares += (members[a][j] - members[b][j]) * (members[a][j] - members[b][j]);
                        }
                        sum += Math.sqrt(squares);
                        pairs++;
                    }
                }
                scores.add(-sum / pairs);
            }
        }
        assertThat(setup.disagreement.threshold()).isEqualTo(dev.vigil.safety.guardian.Percentile.of(
                scores.stream().mapToDouble(Double::doubleValue).toArray(), 40));
        // The rollouts' guardian flags what either guardian flags; the disagreement guardian flags some held-out
        // points (the 40 % most disputed).
        int flaggedByDisagreement = 0;
        for (double[] p : points) {
            boolean kde = setup.guardian.judge(p).inSupport();
            boolean agreed = setup.disagreement.judge(p).inSupport();
            flaggedByDisagreement += agreed ? 0 : 1;
            assertThat(setup.trainingGuardian.judge(p).inSupport()).isEqualTo(kde && agreed);
        }
        assertThat(flaggedByDisagreement).isPositive();

        // Off by default: the rollouts judge with the KDE guardian alone.
        ModelBasedOptimizer.Setup plain = ModelBasedOptimizer.Setup.of(data(true), config.withDisagreementPercentile(0));
        assertThat(plain.disagreement).isNull();
        assertThat(plain.trainingGuardian).isSameAs(plain.guardian);
        // The 1-NN model has no members to disagree.
        assertThatThrownBy(() -> config.withEnvironmentModel(ModelBasedConfig.NEAREST_NEIGHBOUR))
                .hasMessageContaining("disagreementPercentile is 40.0").hasMessageContaining("'ensemble'");
        assertThatThrownBy(() -> config.withDisagreementPercentile(101)).hasMessageContaining("disagreementPercentile"
                + " is 101.0");

        // A run's fit summary reports the threshold and the ensemble's held-out likelihood.
        Map<String, Double> summary = new ModelBasedOptimizer(ModelBasedOptimizer.Variant.GMB_CPO).train(data(true),
                config, TrainingListener.NONE, ModelBasedTrainer.Checkpointing.NONE, setup).report().summary();
        assertThat(summary.get("disagreementThreshold")).isEqualTo(setup.disagreement.threshold());
        assertThat(summary.get("ensembleHoldoutNll")).isFinite();
        assertThat(summary.get("ensembleHoldoutTransitions")).isPositive();
    }

    /** The scaled logged states and actions of the setup's episodes. */
    private record ScaledEpisodeAccess(ModelBasedOptimizer.Setup setup) {
        double[] state(int episode, int t) {
            return setup.dynamics.episodes().get(episode).state(t);
        }

        double[] action(int episode, int t) {
            return setup.dynamics.episodes().get(episode).action(t);
        }
    }

    @Test
    void afterOodIsFreezeByDefaultAndRefusesAnUnknownMode() {
        assertThat(ModelBasedConfig.defaults().afterOod()).isEqualTo(ModelBasedConfig.FREEZE);
        assertThat(ModelBasedConfig.defaults().continuesAfterOod()).isFalse();
        assertThat(ModelBasedConfig.defaults().withAfterOod(ModelBasedConfig.CONTINUE).continuesAfterOod()).isTrue();
        assertThatThrownBy(() -> ModelBasedConfig.defaults().withAfterOod("restart"))
                .hasMessageContaining("afterOod is 'restart'; use one of [freeze, continue]");
        com.fasterxml.jackson.databind.node.ObjectNode fields = com.fasterxml.jackson.databind.json.JsonMapper
                .builder().build().createObjectNode().put("afterOod", "continue");
        assertThat(dev.vigil.offlinerl.algo.AlgorithmConfigs.withFields(ModelBasedConfig.defaults(),
                ModelBasedConfig.class, fields, "gmb-cpo.yaml").continuesAfterOod()).isTrue();
    }
}
