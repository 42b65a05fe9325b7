package dev.vigil.ingestion.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryDatasetTest {

    @Test
    void hashesContentButNotNameProvenanceOrCohort() {
        TrajectoryDataset dataset = DatasetFixtures.continuous();
        DatasetSchema renamed = new DatasetSchema("other-name", dataset.schema().stateType(),
                dataset.schema().features(), dataset.schema().actionType(), dataset.schema().actions(), false, false,
                "", "", Duration.ZERO);
        List<Episode> withoutProvenance = dataset.episodes().stream().map(e -> new Episode(e.id(), e.states(),
                e.actions(), null, null, e.outcome(), null, List.of())).toList();
        assertThat(new TrajectoryDataset(renamed, withoutProvenance).contentHash()).isEqualTo(dataset.contentHash());
    }

    @Test
    void hashChangesWithAnyNumberUnitOrOutcome() {
        TrajectoryDataset dataset = DatasetFixtures.continuous();
        Episode p2 = dataset.episodes().get(1);
        Episode changedAction = new Episode("p2", p2.states(),
                new ContinuousActions(new double[][] {{1.0E10, 0.11}}), null, null, p2.outcome(), null, null);
        Episode changedOutcome = new Episode("p2", p2.states(), p2.actions(), null, null, new Outcome(true, 3), null,
                null);
        String hash = dataset.contentHash();
        assertThat(new TrajectoryDataset(dataset.schema(), List.of(dataset.episodes().get(0), changedAction))
                .contentHash()).isNotEqualTo(hash);
        assertThat(new TrajectoryDataset(dataset.schema(), List.of(dataset.episodes().get(0), changedOutcome))
                .contentHash()).isNotEqualTo(hash);
        DatasetSchema otherUnit = new DatasetSchema("fixture", SpaceType.continuous(),
                List.of(new Variable("heart_rate", "/s"), new Variable("lactate", "mmol/L")), SpaceType.continuous(),
                dataset.schema().actions(), false, false, "", "", null);
        assertThat(new TrajectoryDataset(otherUnit, dataset.episodes()).contentHash()).isNotEqualTo(hash);
    }

    @Test
    void copiesArraysInAndOut() {
        double[][] values = {{1.0}};
        boolean[][] missing = {{false}};
        ContinuousStates states = new ContinuousStates(values, missing);
        values[0][0] = 99;
        states.values()[0][0] = 42;
        assertThat(states.value(0, 0)).isEqualTo(1.0);
    }

    @Test
    void rejectsEpisodesThatDoNotFitTheSchema() {
        TrajectoryDataset tabular = DatasetFixtures.tabular();
        Episode outOfRange = new Episode("9", new DiscreteStates(new int[] {4}), new DiscreteActions(new int[] {0}),
                new double[] {0}, new double[] {0}, null, null, null);
        assertThatThrownBy(() -> new TrajectoryDataset(tabular.schema(), List.of(outOfRange)))
                .hasMessage("Episode 9, step 0 has state id 4, but the schema has 4 states (ids 0..3)");
        Episode noCosts = new Episode("9", new DiscreteStates(new int[] {0}), new DiscreteActions(new int[] {0}),
                new double[] {0}, null, null, null, null);
        assertThatThrownBy(() -> new TrajectoryDataset(tabular.schema(), List.of(noCosts)))
                .hasMessageContaining("lacks costs");
        assertThatThrownBy(() -> new TrajectoryDataset(tabular.schema(),
                List.of(tabular.episodes().get(0), tabular.episodes().get(0))))
                .hasMessageContaining("Two episodes have the id 1");
    }

    @Test
    void rejectsInvalidEpisodes() {
        assertThatThrownBy(() -> new ContinuousStates(new double[][] {{Double.NaN}}, new boolean[][] {{false}}))
                .hasMessageContaining("NaN but not flagged missing");
        assertThatThrownBy(() -> new Episode("a", new DiscreteStates(new int[] {0}), new DiscreteActions(new int[] {0}),
                null, new double[] {-1}, null, null, null)).hasMessageContaining("negative cost");
        assertThatThrownBy(() -> new Episode("a,b", new DiscreteStates(new int[] {0}),
                new DiscreteActions(new int[] {0}), null, null, null, null, null)).hasMessageContaining("without commas");
        assertThatThrownBy(() -> new Episode("a", new DiscreteStates(new int[] {}), new DiscreteActions(new int[] {}),
                null, null, null, null, null)).hasMessageContaining("has no steps");
        assertThatThrownBy(() -> new Episode("a", new DiscreteStates(new int[] {0}),
                new DiscreteActions(new int[] {0}), new double[] {Double.POSITIVE_INFINITY}, null, null, null, null))
                .hasMessageContaining("reward that is not finite");
    }

    @Test
    void marksOnlyTheLastStepTerminal() {
        Episode episode = DatasetFixtures.tabular().episodes().get(0);
        assertThat(episode.terminal(0)).isFalse();
        assertThat(episode.terminal(2)).isTrue();
    }

    @Test
    void resolvesProvenancePerStep() {
        EpisodeProvenance provenance = DatasetFixtures.continuous().episodes().get(0).provenance();
        assertThat(provenance.resourcesOf(1)).containsExactly("Observation/lac-1", "MedicationAdministration/ne-1");
    }
}
