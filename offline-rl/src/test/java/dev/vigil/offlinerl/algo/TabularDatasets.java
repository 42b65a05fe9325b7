package dev.vigil.offlinerl.algo;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made datasets for algorithm tests. */
public final class TabularDatasets {

    private TabularDatasets() {
    }

    /** Builds tabular episodes step by step. */
    public static final class Builder {
        private final int states;
        private final int actions;
        private final List<Episode> episodes = new ArrayList<>();

        public Builder(int states, int actions) {
            this.states = states;
            this.actions = actions;
        }

        /**
         * Adds {@code copies} identical episodes; each step is {state, action, reward, cost}.
         */
        public Builder episode(int copies, double[]... steps) {
            for (int c = 0; c < copies; c++) {
                int[] s = new int[steps.length];
                int[] a = new int[steps.length];
                double[] r = new double[steps.length];
                double[] k = new double[steps.length];
                for (int t = 0; t < steps.length; t++) {
                    s[t] = (int) steps[t][0];
                    a[t] = (int) steps[t][1];
                    r[t] = steps[t][2];
                    k[t] = steps[t][3];
                }
                episodes.add(new Episode("e" + episodes.size(), new DiscreteStates(s), new DiscreteActions(a), r, k,
                        null, null, List.of()));
            }
            return this;
        }

        public TrajectoryDataset build() {
            return new TrajectoryDataset(new DatasetSchema("hand-made", SpaceType.discrete(states), List.of(),
                    SpaceType.discrete(actions), List.of(), true, true, "", "", Duration.ZERO), episodes);
        }
    }

    /** One step {state, action, reward, cost}. */
    public static double[] step(int state, int action, double reward, double cost) {
        return new double[] {state, action, reward, cost};
    }

    /**
     * 3 states, 2 actions: from state 0, action 0 (safe, reward 0.2) ends; action 1 goes to state 1 (cost 1),
     * whose action 1 pays 1. State 2 is never logged.
     */
    public static TrajectoryDataset small() {
        return new Builder(3, 2)
                .episode(8, step(0, 0, 0.2, 0))
                .episode(8, step(0, 1, 0, 1), step(1, 1, 1, 0))
                .episode(7, step(0, 1, 0, 1), step(1, 0, 0, 0))
                .build();
    }

    /** A dataset with no episodes. */
    public static TrajectoryDataset empty() {
        return new Builder(3, 2).build();
    }

    /** One episode with continuous states (two features) and discrete actions. */
    public static TrajectoryDataset continuousStates() {
        DatasetSchema schema = new DatasetSchema("vitals", SpaceType.continuous(),
                List.of(new Variable("heart_rate", "/min"), new Variable("spo2", "%")), SpaceType.discrete(2),
                List.of(), true, true, "", "", Duration.ZERO);
        Episode e = new Episode("p1", new ContinuousStates(new double[][] {{80, 97}}, new boolean[][] {{false, false}}),
                new DiscreteActions(new int[] {1}), new double[] {0}, new double[] {0}, null, null, List.of());
        return new TrajectoryDataset(schema, List.of(e));
    }

    /** One episode with discrete states and continuous actions (one dose). */
    public static TrajectoryDataset continuousActions() {
        DatasetSchema schema = new DatasetSchema("doses", SpaceType.discrete(3), List.of(), SpaceType.continuous(),
                List.of(new Variable("fluid", "mL")), true, true, "", "", Duration.ZERO);
        Episode e = new Episode("p1", new DiscreteStates(new int[] {0}), new ContinuousActions(new double[][] {{250}}),
                new double[] {0}, new double[] {0}, null, null, List.of());
        return new TrajectoryDataset(schema, List.of(e));
    }
}
