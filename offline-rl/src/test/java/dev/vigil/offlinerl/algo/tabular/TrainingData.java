package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.time.Duration;
import java.util.List;

/** Datasets lacking a column, for validation tests. */
final class TrainingData {

    private TrainingData() {
    }

    static TrajectoryDataset withoutRewards() {
        return single(false, true);
    }

    static TrajectoryDataset withoutCosts() {
        return single(true, false);
    }

    private static TrajectoryDataset single(boolean rewards, boolean costs) {
        DatasetSchema schema = new DatasetSchema("partial", SpaceType.discrete(2), List.of(), SpaceType.discrete(2),
                List.of(), rewards, costs, "", "", Duration.ZERO);
        Episode e = new Episode("p1", new DiscreteStates(new int[] {0}), new DiscreteActions(new int[] {1}),
                rewards ? new double[] {1} : null, costs ? new double[] {0} : null, null, null, List.of());
        return new TrajectoryDataset(schema, List.of(e));
    }
}
