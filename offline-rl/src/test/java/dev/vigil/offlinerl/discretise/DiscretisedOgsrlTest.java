package dev.vigil.offlinerl.discretise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Continuous states with discrete actions and the data's own rewards; the config record. */
class DiscretisedOgsrlTest {

    /**
     * Two kinds of patient, low (x near 0) and high (x near 10). Action 1 pays 1 in low states and 0 in high ones,
     * action 0 the reverse; both are logged 10 times in each kind, so both are in support.
     */
    private static TrajectoryDataset twoKinds() {
        DatasetSchema schema = new DatasetSchema("two-kinds", SpaceType.continuous(), List.of(new Variable("x", "")),
                SpaceType.discrete(2), List.of(), true, false, "", "", Duration.ZERO);
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean high = i % 2 == 0;
            int action = (i / 2) % 2;
            double x = (high ? 10 : 0) + i * 0.01;
            double reward = (action == 1) != high ? 1 : 0;
            episodes.add(new Episode("e" + i, new ContinuousStates(new double[][] {{x}}, new boolean[][] {{false}}),
                    new DiscreteActions(new int[] {action}), new double[] {reward}, null, null, null, List.of()));
        }
        return new TrajectoryDataset(schema, episodes);
    }

    @Test
    void clustersContinuousStatesAndLearnsTheBetterActionPerKind() {
        DiscretisedOgsrlConfig config = DiscretisedOgsrlConfig.defaults().withClusters(2).withSeed(4);

        DiscretisedPolicy policy = (DiscretisedPolicy) new DiscretisedOgsrl().fit(twoKinds(), config,
                TrainingListener.NONE);

        assertThat(policy.bins()).isNull();
        assertThat(policy.actionIdFor(new double[] {0.1})).isEqualTo(1);
        assertThat(policy.actionIdFor(new double[] {10.1})).isZero();
        assertThat(policy.discretisation().costSource()).isEqualTo(CostSource.NONE);
        assertThat(policy.discretisation().rewardsFromData()).isTrue();
        assertThat(policy.provenance().ruleSetVersion()).isEqualTo("none");
        assertThatThrownBy(() -> policy.actionFor(new double[] {0.1})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("discrete action ids");
    }

    @Test
    void configValidatesAndRoundTripsThroughJson() {
        assertThatThrownBy(() -> DiscretisedOgsrlConfig.defaults().withClusters(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clusters must be at least 1");
        assertThatThrownBy(() -> new DiscretisedOgsrlConfig(null, 5, 10, "none", 1, -1, "outcome", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ogsrl");
        assertThatThrownBy(() -> DiscretisedOgsrlConfig.defaults().withObjective("sofa-ish", "none"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reward is 'sofa-ish'");
        assertThat(DiscretisedOgsrlConfig.defaults().reward()).isEqualTo("outcome");

        DiscretisedOgsrlConfig config = DiscretisedOgsrlConfig.defaults().withClusters(12).withSeed(3)
                .withObjective("sofa", "ogsrl-sepsis");
        String json = AlgorithmConfigs.toJson(config);
        DiscretisedOgsrlConfig read = AlgorithmConfigs.withFields(DiscretisedOgsrlConfig.defaults(),
                DiscretisedOgsrlConfig.class, AlgorithmConfigs.parse("{\"algorithm\":\"ogsrl\",\"config\":" + json
                        + "}", false, "t").fields(), "t");
        assertThat(read).isEqualTo(config);
    }

    @Test
    void forDataChoosesAboutAHundredStepsPerClusterUpTo750() {
        assertThat(DiscretisedOgsrlConfig.forData(OgsrlConfig.defaults(), 3_178).clusters()).isEqualTo(31);
        assertThat(DiscretisedOgsrlConfig.forData(OgsrlConfig.defaults(), 20).clusters()).isEqualTo(1);
        assertThat(DiscretisedOgsrlConfig.forData(OgsrlConfig.defaults(), 300_000).clusters()).isEqualTo(750);
    }
}
