package dev.vigil.offlinerl.objective;

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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRewardsTest {

    private static TrajectoryDataset sofaData() {
        // Two episodes: a survivor of the whole 3-bloc window and a death after 2 blocs.
        Episode survivor = SofaStepRewardTest.episode("s", new double[][] {SofaStepRewardTest.NORMAL,
                SofaStepRewardTest.MILD, SofaStepRewardTest.NORMAL}, new double[][] {{0, 0}, {0, 0}, {0, 0}},
                new Outcome(false, 90));
        Episode dead = SofaStepRewardTest.episode("d", new double[][] {SofaStepRewardTest.NORMAL,
                SofaStepRewardTest.MILD}, new double[][] {{0, 0}, {0, 0}}, new Outcome(true, 0.3));
        return new TrajectoryDataset(SofaStepRewardTest.schema(), List.of(survivor, dead));
    }

    @Test
    void autoChoosesSofaOnDataWithTheScoreColumns() {
        TrainingRewards.Rewards r = TrainingRewards.of(sofaData(), TrainingRewards.AUTO, 1, -1);

        assertThat(r.source()).isEqualTo(TrainingRewards.SOFA);
        // Window = longest episode = 3 blocs; the death at bloc 1 pads blocs 1 and 2.
        assertThat(r.perEpisode().get(0)).containsExactly(-6.0, -2.5, -2.5 + 1);
        assertThat(r.perEpisode().get(1)).containsExactly(-6.0, -12.5 * 2 - 1);
        // Rollouts: no padding (the frozen remainder takes its place); frozen rewards -2.5 (NORMAL) and -12.5.
        assertThat(r.rollout().get(1)).containsExactly(-6.0, -12.5 - 1);
        assertThat(r.frozen()).containsExactly(-2.5, -12.5);
    }

    @Test
    void outcomeKeepsTheTerminalRewardOnly() {
        TrainingRewards.Rewards r = TrainingRewards.of(sofaData(), TrainingRewards.OUTCOME, 2, -3);

        assertThat(r.source()).isEqualTo(TrainingRewards.OUTCOME);
        assertThat(r.perEpisode().get(0)).containsExactly(0, 0, 2);
        assertThat(r.perEpisode().get(1)).containsExactly(0, -3);
        assertThat(r.rollout()).isSameAs(r.perEpisode());
        assertThat(r.frozen()).containsExactly(0, 0);
    }

    @Test
    void autoFallsBackToTheOutcomeAndSofaIsRefusedWithoutTheColumns() {
        DatasetSchema plain = new DatasetSchema("vitals", SpaceType.continuous(), List.of(new Variable("hr", "/min")),
                SpaceType.continuous(), List.of(new Variable("dose", "mg")), false, false, null, null,
                Duration.ofHours(4));
        Episode e = new Episode("p", new ContinuousStates(new double[][] {{80}, {85}}, new boolean[2][1]),
                new ContinuousActions(new double[][] {{1}, {2}}), null, null, new Outcome(true, 5), null, List.of());
        TrajectoryDataset data = new TrajectoryDataset(plain, List.of(e));

        assertThat(TrainingRewards.of(data, TrainingRewards.AUTO, 1, -1).perEpisode().get(0)).containsExactly(0, -1);
        assertThatThrownBy(() -> TrainingRewards.of(data, TrainingRewards.SOFA, 1, -1))
                .hasMessageContaining("vitals").hasMessageContaining("'pf_ratio'");
    }

    @Test
    void theDataOwnRewardsWin() {
        DatasetSchema withRewards = new DatasetSchema("rewarded", SpaceType.continuous(),
                SofaStepRewardTest.schema().features(), SpaceType.continuous(), SofaStepRewardTest.schema().actions(),
                true, false, null, null, Duration.ofHours(4));
        Episode e = new Episode("p", new ContinuousStates(new double[][] {SofaStepRewardTest.MILD},
                new boolean[1][8]), new ContinuousActions(new double[][] {{0, 0}}), new double[] {0.7}, null, null,
                null, List.of());

        TrainingRewards.Rewards r = TrainingRewards.of(new TrajectoryDataset(withRewards, List.of(e)),
                TrainingRewards.SOFA, 1, -1);
        assertThat(r.source()).isEqualTo("data");
        assertThat(r.perEpisode().get(0)).containsExactly(0.7);
    }

    @Test
    void unknownRewardIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TrainingRewards.validate("sofa-ish")).hasMessageContaining("reward is 'sofa-ish'")
                .hasMessageContaining("[auto, outcome, sofa]");
    }
}
