package dev.vigil.offlinerl.dynamics;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A known linear system s' = A s + B a + noise (3-D state, 1-D action) logged as a dataset. */
final class LinearSystemData {

    static final double[][] A = {{0.9, 0.1, 0.0}, {0.0, 0.8, 0.15}, {0.05, 0.0, 0.95}};
    static final double[] B = {0.5, -0.3, 0.2};
    static final double NOISE = 0.01;

    private LinearSystemData() {}

    static DatasetSchema schema() {
        return new DatasetSchema("linear", SpaceType.continuous(),
                List.of(new Variable("x0", "1"), new Variable("x1", "1"), new Variable("x2", "1")),
                SpaceType.continuous(), List.of(new Variable("u", "1")), false, false, null, null, null);
    }

    /** {@code episodes} episodes of {@code steps} steps; random start in [-1, 1]^3, actions in [-1, 1]. */
    static TrajectoryDataset generate(int episodes, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Episode> list = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            double[][] states = new double[steps][3];
            double[][] actions = new double[steps][1];
            for (int j = 0; j < 3; j++) {
                states[0][j] = random.nextDouble(-1, 1);
            }
            for (int t = 0; t < steps; t++) {
                actions[t][0] = random.nextDouble(-1, 1);
                if (t + 1 < steps) {
                    states[t + 1] = next(states[t], actions[t][0], random);
                }
            }
            list.add(new Episode("ep" + seed + "_" + e, new ContinuousStates(states, new boolean[steps][3]),
                    new ContinuousActions(actions), null, null, null, null, null));
        }
        return new TrajectoryDataset(schema(), list);
    }

    private static double[] next(double[] s, double a, SplittableRandom random) {
        double[] next = new double[3];
        for (int i = 0; i < 3; i++) {
            double sum = B[i] * a + NOISE * random.nextGaussian();
            for (int j = 0; j < 3; j++) {
                sum += A[i][j] * s[j];
            }
            next[i] = sum;
        }
        return next;
    }
}
