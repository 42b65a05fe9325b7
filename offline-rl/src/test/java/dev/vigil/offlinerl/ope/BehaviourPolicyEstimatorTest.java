package dev.vigil.offlinerl.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BehaviourPolicyEstimatorTest {

    /** State 0 sees action 0 three times and action 1 once; action 2 never. State 2 is never seen. */
    private static TrajectoryDataset training() {
        return dataset("train", new Episode("a", new DiscreteStates(new int[] {0, 0, 1}),
                new DiscreteActions(new int[] {0, 1, 2}), new double[] {0, 0, 1}, null, null, null, List.of()),
                new Episode("b", new DiscreteStates(new int[] {0, 0}), new DiscreteActions(new int[] {0, 0}),
                        new double[] {0, 1}, null, null, null, List.of()));
    }

    /** Held-out data where state 0 takes action 2, which training never logged there. */
    private static TrajectoryDataset heldOut() {
        return dataset("test", new Episode("c", new DiscreteStates(new int[] {0, 1}),
                new DiscreteActions(new int[] {2, 2}), new double[] {0, 1}, null, null, null, List.of()));
    }

    private static TrajectoryDataset dataset(String name, Episode... episodes) {
        DatasetSchema schema = new DatasetSchema(name, SpaceType.discrete(3), List.of(), SpaceType.discrete(3),
                List.of(), true, false, "", "", Duration.ZERO);
        return new TrajectoryDataset(schema, List.of(episodes));
    }

    @Test
    void floorsUnseenActionsAndKeepsTheSeenProportions() {
        BehaviourEstimate estimate = new BehaviourPolicyEstimator(0.01).estimate(training());

        // State 0: counts (3, 1, 0); one unseen action gets 0.01, the rest share 0.99 as 3:1.
        assertThat(estimate.policy().probability(0, 0)).isCloseTo(0.99 * 0.75, within(1e-15));
        assertThat(estimate.policy().probability(0, 1)).isCloseTo(0.99 * 0.25, within(1e-15));
        assertThat(estimate.policy().probability(0, 2)).isEqualTo(0.01);
        assertThat(estimate.floored()).containsExactly(new FlooredAction(0, 2), new FlooredAction(1, 0),
                new FlooredAction(1, 1));
        assertThat(estimate.unseenStates()).containsExactly(2);
        assertThat(estimate.counts()[0]).containsExactly(3, 1, 0);
    }

    @Test
    void withoutTheFloorAnUnseenActionMakesAnInfiniteRatioAndIsRejected() {
        TabularPolicy behaviour = new BehaviourPolicyEstimator(0).estimate(training()).policy();
        TabularPolicy evaluation = TabularPolicy.uniform(3, 3);

        assertThatThrownBy(() -> OpeDatasets.from(heldOut(), behaviour, evaluation, Set.of()))
                .hasMessageContaining("Episode c, step 0: the behaviour policy gives the logged action probability 0")
                .hasMessageContaining("epsilon floor");
    }

    @Test
    void withTheFloorTheRatioIsFinite() {
        // Step 0: pi_b(2|0) = 0.01 (floored); step 1: state 1 logged only action 2, so 1 - 2 * 0.01 = 0.98.
        TabularPolicy behaviour = new BehaviourPolicyEstimator(0.01).estimate(training()).policy();
        TabularPolicy evaluation = TabularPolicy.uniform(3, 3);

        OpeResult result = new WeightedImportanceSampling(1).estimate(
                OpeDatasets.from(heldOut(), behaviour, evaluation, Set.of()));

        assertThat(result.estimate()).isCloseTo(1.0, within(1e-12));
        assertThat(new ImportanceSampling(1).estimate(OpeDatasets.from(heldOut(), behaviour, evaluation, Set.of()))
                .estimate()).isCloseTo((1.0 / 3 / 0.01) * (1.0 / 3 / 0.98), within(1e-9));
    }

    @Test
    void rejectsAFloorThatLeavesNothingForTheSeenActions() {
        assertThatThrownBy(() -> new BehaviourPolicyEstimator(0.5).estimate(training()))
                .hasMessageContaining("use a floor below 0.5");
    }
}
