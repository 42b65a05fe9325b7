package dev.vigil.offlinerl.report;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * One state, two actions, one step per episode: action 0 earns 1 and action 1 earns 0, each logged in 5 of 10
 * episodes. The clinicians' policy is 0.5 / 0.5 (both actions seen: no floor), so a policy always taking action 0 has
 * WIS exactly 1 and every bootstrap replicate that draws one of its episodes gives 1 (lower bound 1); always taking
 * action 1 gives 0 throughout.
 */
final class TinyData {

    private TinyData() {
    }

    static TrajectoryDataset dataset() {
        DatasetSchema schema = new DatasetSchema("tiny", SpaceType.discrete(1), List.of(), SpaceType.discrete(2),
                List.of(), true, true, "", "", null);
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int a = i % 2;
            // Action 1 also costs 2: the cost WIS of "always 1" is 2, of "always 0" is 0.
            episodes.add(new Episode("e" + i, new DiscreteStates(new int[] {0}), new DiscreteActions(new int[] {a}),
                    new double[] {a == 0 ? 1 : 0}, new double[] {a == 0 ? 0 : 2}, null, null, List.of()));
        }
        return new TrajectoryDataset(schema, episodes);
    }

    /** A policy taking action 0 with probability p0. */
    static EvaluatedPolicy policy(String name, double p0) {
        return new EvaluatedPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] actionProbabilities(LoggedStep step) {
                return new double[] {p0, 1 - p0};
            }

            @Override
            public double[] recommendedDoses(LoggedStep step) {
                return null;
            }
        };
    }
}
