package dev.vigil.offlinerl.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNeighbourModelTest {

    /** Three episodes of 3, 1 and 4 steps; every state distinct, so every lookup has one exact match. */
    private static List<ScaledEpisode> episodes() {
        return List.of(
                ScaledEpisode.of("a", new double[][] {{0.0, 0.0}, {0.1, 0.0}, {0.2, 0.0}},
                        new double[][] {{0.5}, {0.5}, {0.5}}),
                ScaledEpisode.of("b", new double[][] {{0.9, 0.9}}, new double[][] {{0.0}}),
                ScaledEpisode.of("c", new double[][] {{-0.5, 0.3}, {-0.4, 0.3}, {-0.3, 0.3}, {-0.2, 0.3}},
                        new double[][] {{-0.1}, {-0.2}, {-0.3}, {-0.4}}));
    }

    @Test
    void lastStepOfAnEpisodeIsNeverAKey() {
        List<ScaledEpisode> episodes = episodes();
        NearestNeighbourModel model = NearestNeighbourModel.fit(episodes);

        assertThat(model.keyCount()).isEqualTo(2 + 0 + 3);
        for (int i = 0; i < model.keyCount(); i++) {
            NearestNeighbourModel.KeyRow row = model.keyRow(i);
            ScaledEpisode episode = episodes.get(row.episodeIndex());
            assertThat(row.episodeId()).isEqualTo(episode.id());
            assertThat(row.step()).as("key %d", i).isLessThan(episode.steps() - 1);
            assertThat(model.key(i)).containsExactly(
                    Matrices.concat(episode.state(row.step()), episode.action(row.step())));
        }
    }

    @Test
    void returnsTheLoggedNextStateOfTheSameStep() {
        List<ScaledEpisode> episodes = episodes();
        NearestNeighbourModel model = NearestNeighbourModel.fit(episodes);

        for (ScaledEpisode episode : episodes) {
            for (int t = 0; t + 1 < episode.steps(); t++) {
                Transition transition = model.step(new double[][] {episode.state(t)}, episode.action(t));
                assertThat(transition.nextState()).as("%s step %d", episode.id(), t)
                        .containsExactly(episode.state(t + 1));
                assertThat(transition.terminal()).isEqualTo(t + 1 == episode.steps() - 1);
            }
        }
    }

    @Test
    void firstStepOfTheNextEpisodeIsNotShiftedOntoThePreviousOne() {
        // The released code's global index would map episode c's first key to a row of episode b or a.
        NearestNeighbourModel model = NearestNeighbourModel.fit(episodes());

        Transition transition = model.step(new double[][] {{-0.5, 0.3}}, new double[] {-0.1});

        assertThat(transition.nextState()).containsExactly(-0.4, 0.3);
    }

    @Test
    void queryAtATerminalStepReturnsTheNearestNonTerminalKey() {
        NearestNeighbourModel model = NearestNeighbourModel.fit(episodes());

        // (0.2, 0.0, 0.5) is episode a's last step: not a key; its nearest key is a's step 1 (0.1, 0.0, 0.5).
        int key = model.nearestKey(new double[] {0.2, 0.0}, new double[] {0.5});

        assertThat(model.keyRow(key)).isEqualTo(new NearestNeighbourModel.KeyRow("a", 0, 1));
        assertThat(model.step(new double[][] {{0.2, 0.0}}, new double[] {0.5}).nextState()).containsExactly(0.2, 0.0);
    }

    @Test
    void usesOnlyTheLastRowOfALongerHistory() {
        NearestNeighbourModel model = NearestNeighbourModel.fit(episodes());

        Transition transition = model.step(new double[][] {{5, 5}, {-0.41, 0.31}}, new double[] {-0.21});

        assertThat(model.historyLength()).isEqualTo(1);
        assertThat(transition.nextState()).containsExactly(-0.3, 0.3);
    }

    @Test
    void refusesEpisodesWithoutTransitions() {
        List<ScaledEpisode> single = List.of(ScaledEpisode.of("x", new double[][] {{1.0}}, new double[][] {{0.0}}));

        assertThatThrownBy(() -> NearestNeighbourModel.fit(single))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("episodes of at least two steps");
    }

    @Test
    void refusesAnActionOfTheWrongWidth() {
        NearestNeighbourModel model = NearestNeighbourModel.fit(episodes());

        assertThatThrownBy(() -> model.step(new double[][] {{0, 0}}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Action has 2 values; expected 1");
    }
}
