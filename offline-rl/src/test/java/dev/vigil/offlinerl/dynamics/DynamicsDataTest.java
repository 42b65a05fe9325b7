package dev.vigil.offlinerl.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicsDataTest {

    private static Episode episode(String id, double[][] states, boolean[][] missing) {
        double[][] actions = new double[states.length][1];
        for (int t = 0; t < states.length; t++) {
            actions[t][0] = t;
        }
        return new Episode(id, new ContinuousStates(states, missing), new ContinuousActions(actions), null, null,
                null, null, null);
    }

    @Test
    void neverMeasuredValuesBecomeTheTrainingMeanAndAreFlagged() {
        double nan = Double.NaN;
        TrajectoryDataset dataset = new TrajectoryDataset(LinearSystemData.schema(), List.of(
                episode("p1", new double[][] {{1, 10, nan}, {3, 20, 4}},
                        new boolean[][] {{false, false, true}, {false, false, false}}),
                episode("p2", new double[][] {{nan, 30, 8}, {5, 40, 6}},
                        new boolean[][] {{true, false, false}, {false, false, false}})));

        DynamicsData data = DynamicsData.fit(dataset);

        assertThat(data.featureMeans()).containsExactly(3.0, 25.0, 6.0);
        ScaledEpisode p1 = data.episodes().get(0);
        ScaledEpisode p2 = data.episodes().get(1);
        assertThat(p1.imputed()[0]).containsExactly(false, false, true);
        assertThat(p1.imputed()[1]).containsExactly(false, false, false);
        assertThat(p2.imputed()[0]).containsExactly(true, false, false);
        // Scaled to [-1, 1] with the training min/max of the imputed values: x0 in [1, 5], x2 in [4, 8].
        assertThat(p1.state(0)[2]).isCloseTo(0.0, within(1e-12)); // 6 is mid-range of [4, 8]
        assertThat(p2.state(0)[0]).isCloseTo(0.0, within(1e-12)); // 3 is mid-range of [1, 5]
    }

    @Test
    void sampleAndHoldValuesAreUsedAsStored() {
        // x1 at step 1 was not measured but carried forward (20 held from step 0): used as stored, not imputed.
        TrajectoryDataset dataset = new TrajectoryDataset(LinearSystemData.schema(), List.of(
                episode("p1", new double[][] {{0, 20, 0}, {2, 20, 2}, {4, 40, 4}},
                        new boolean[][] {{false, false, false}, {false, true, false}, {false, false, false}})));

        DynamicsData data = DynamicsData.fit(dataset);

        ScaledEpisode scaled = data.episodes().get(0);
        assertThat(scaled.imputed()[1][1]).isFalse();
        assertThat(scaled.state(1)[1]).isCloseTo(-1.0, within(1e-12));
        assertThat(data.scaler().dimension()).isEqualTo(4);
    }

    @Test
    void refusesAFeatureNeverMeasured() {
        double nan = Double.NaN;
        TrajectoryDataset dataset = new TrajectoryDataset(LinearSystemData.schema(), List.of(
                episode("p1", new double[][] {{1, 2, nan}}, new boolean[][] {{false, false, true}})));

        assertThatThrownBy(() -> DynamicsData.fit(dataset))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Feature x2 is never measured")
                .hasMessageContaining("drop it from the cohort");
    }

    @Test
    void splitsByWholeEpisodesReproducibly() {
        DynamicsData data = DynamicsData.fit(LinearSystemData.generate(10, 3, 1));

        EpisodeSplit first = EpisodeSplit.byEpisode(data.episodes(), 0.2, 5);
        EpisodeSplit second = EpisodeSplit.byEpisode(data.episodes(), 0.2, 5);

        assertThat(first.holdout()).hasSize(2);
        assertThat(first.training()).hasSize(8);
        assertThat(first.holdout()).extracting(ScaledEpisode::id)
                .containsExactlyElementsOf(second.holdout().stream().map(ScaledEpisode::id).toList())
                .doesNotContainAnyElementsOf(first.training().stream().map(ScaledEpisode::id).toList());
    }
}
