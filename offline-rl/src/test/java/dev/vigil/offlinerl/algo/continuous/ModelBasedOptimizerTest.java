package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.algo.AlgorithmRegistry;
import dev.vigil.offlinerl.algo.FittedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBasedOptimizerTest {

    @TempDir
    Path dir;

    /**
     * Logged point-mass episodes (features x and a constant, dose u in [-0.3, 0.3]): x' = x + 0.5 u, reward
     * -(x' - 0.6)^2, cost 1 when x' > 0.3.
     */
    static TrajectoryDataset pointMassData(int episodes, double actionScale, long seed) {
        DatasetSchema schema = new DatasetSchema("point-mass", SpaceType.continuous(),
                List.of(new Variable("x", "1"), new Variable("c", "1")), SpaceType.continuous(),
                List.of(new Variable("u", "1")), true, true, null, null, null);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Episode> list = new ArrayList<>();
        int steps = 10;
        for (int e = 0; e < episodes; e++) {
            double[][] states = new double[steps][2];
            double[][] actions = new double[steps][1];
            double[] rewards = new double[steps];
            double[] costs = new double[steps];
            states[0][0] = rng.nextDouble(-1, 0);
            states[0][1] = e % 2;
            for (int t = 0; t < steps; t++) {
                actions[t][0] = rng.nextDouble(-actionScale, actionScale);
                double next = states[t][0] + 0.5 * actions[t][0];
                rewards[t] = -(next - 0.6) * (next - 0.6);
                costs[t] = next > 0.3 ? 1 : 0;
                if (t + 1 < steps) {
                    states[t + 1][0] = next;
                    states[t + 1][1] = states[t][1];
                }
            }
            list.add(new Episode("pm" + e, new ContinuousStates(states, new boolean[steps][2]),
                    new ContinuousActions(actions), rewards, costs, null, null, null));
        }
        return new TrajectoryDataset(schema, list);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void fitsFromAConfigFileThroughTheRegistryAndReturnsAContinuousPolicy() throws IOException {
        Path file = write("gmb-cpo.yaml", """
                algorithm: gmb-cpo
                config:
                  iterations: 3
                  hiddenUnits: 8
                  episodesPerIteration: 8
                  seed: 5
                """);
        TrajectoryDataset data = pointMassData(30, 0.3, 1);
        FittedPolicy fitted = AlgorithmRegistry.defaults().fitPolicy(file, data, TrainingListener.NONE);

        assertThat(fitted).isInstanceOf(FittedPolicy.Continuous.class);
        ContinuousPolicy policy = ((FittedPolicy.Continuous) fitted).policy();
        assertThat(policy.stateDimension()).isEqualTo(2);
        assertThat(policy.actionDimension()).isEqualTo(1);
        double u = policy.act(new double[] {-0.5, 1})[0];
        assertThat(u).isBetween(-0.3, 0.3);
        assertThat(policy.network().apply(new double[] {-0.5, 1})[0]).isCloseTo(u,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(fitted.provenance().algorithm()).isEqualTo("gmb-cpo");
        assertThat(fitted.provenance().configJson()).contains("\"iterations\":3");
        assertThat(fitted.provenance().ruleSetVersion()).isEqualTo("dataset-costs");
        assertThat(fitted.report().summary()).containsKeys("meanReturn", "meanCost", "oodRate", "guardianThreshold");
        assertThat(fitted.report().summary().get("guarded")).isEqualTo(1.0);
    }

    @Test
    void sameSeedSamePolicy() {
        TrajectoryDataset data = pointMassData(20, 0.3, 2);
        ModelBasedConfig config = small(2, 9);
        ModelBasedOptimizer mb = new ModelBasedOptimizer(ModelBasedOptimizer.Variant.MB_TRPO);
        GaussianPolicy a = mb.train(data, config, null, ModelBasedTrainer.Checkpointing.NONE);
        GaussianPolicy b = mb.train(data, config, null, ModelBasedTrainer.Checkpointing.NONE);
        assertThat(a.network().layers().get(0).weights()).containsExactly(b.network().layers().get(0).weights());
        assertThat(a.act(new double[] {0.1, 0})).containsExactly(b.act(new double[] {0.1, 0}));
    }

    @Test
    void theDiscreteFitMethodPointsToFitPolicy() {
        assertThatThrownBy(() -> new ModelBasedOptimizer(ModelBasedOptimizer.Variant.GMB_TRPO)
                .fit(pointMassData(3, 0.3, 1), small(1, 0), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fitPolicy");
    }

    @Test
    void refusesDiscreteActionsAndPointsToOgsrl() {
        TrajectoryDataset data = pointMassData(3, 0.3, 1);
        DatasetSchema s = new DatasetSchema("binned", SpaceType.continuous(), data.schema().features(),
                SpaceType.discrete(5), List.of(), true, true, null, null, null);
        List<Episode> episodes = data.episodes().stream().map(e -> new Episode(e.id(), e.states(),
                new DiscreteActions(new int[e.steps()]), e.rewards(), e.costs(), null, null, null)).toList();
        assertThatThrownBy(() -> ModelBasedOptimizer.validate(new TrajectoryDataset(s, episodes), "gmb-cpo"))
                .hasMessageContaining("discrete actions").hasMessageContaining("'ogsrl'");
    }

    @Test
    void refusesEmptyDataNonFiniteDosesAndBadConfigs() throws IOException {
        TrajectoryDataset data = pointMassData(3, 0.3, 1);
        assertThatThrownBy(() -> ModelBasedOptimizer.validate(new TrajectoryDataset(data.schema(), List.of()),
                "mb-cpo")).hasMessageContaining("is empty");
        // Non-finite doses and states never reach the optimiser: the dataset types refuse them, naming the step.
        assertThatThrownBy(() -> new ContinuousActions(new double[][] {{0.1}, {Double.NaN}}))
                .hasMessageContaining("Step 1, action 0 is not finite");
        TrajectoryDataset oneStep = new TrajectoryDataset(data.schema(), List.of(new Episode("short",
                new ContinuousStates(new double[][] {{0, 0}}, new boolean[1][2]),
                new ContinuousActions(new double[][] {{0}}), new double[] {0}, new double[] {0}, null, null, null)));
        assertThatThrownBy(() -> ModelBasedOptimizer.validate(oneStep, "mb-cpo"))
                .hasMessageContaining("no episode of two or more steps");
        assertThatThrownBy(() -> small(1, 0).withNetwork(8, 1, 8, -0.5))
                .hasMessageContaining("costBudget is -0.5");
        Path unknown = write("x.json", "{\"algorithm\": \"mb-trpo\", \"config\": {\"iteration\": 3}}");
        assertThatThrownBy(() -> AlgorithmRegistry.defaults().fitPolicy(unknown, data, TrainingListener.NONE))
                .hasMessageContaining("unknown config field 'iteration'").hasMessageContaining("iterations");
    }

    static ModelBasedConfig small(int iterations, long seed) {
        return ModelBasedConfig.defaults().with(iterations, seed).withNetwork(8, 1, 8, 0.5);
    }
}
