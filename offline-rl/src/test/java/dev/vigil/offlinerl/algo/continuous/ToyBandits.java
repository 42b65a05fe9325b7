package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded one-step continuous datasets for the CQL tests. */
final class ToyBandits {

    /** Upper end of the dense part of the logged doses. */
    static final double DENSE_MAX = 0.3;
    /** The dose of the rare logged cluster at the top of the range. */
    static final double RARE_DOSE = 1.0;

    private ToyBandits() {
    }

    /**
     * One-step episodes, state x ~ U[-1, 1], reward = dose. The clinicians' doses: 97 % uniform on [0, 0.3], 3 % at
     * exactly 1.0, so [0.35, 0.95] is inside the logged range but has no data: out of support. The reward rises
     * with the dose, so a learner that trusts its critic's extrapolation wants to leave the dense support.
     */
    static TrajectoryDataset narrowSupport(int episodes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Episode> list = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            double x = 2 * rng.nextDouble() - 1;
            double dose = rng.nextDouble() < 0.03 ? RARE_DOSE : DENSE_MAX * rng.nextDouble();
            list.add(step("e" + i, new double[] {x}, new double[] {dose}, dose));
        }
        return new TrajectoryDataset(schema(1, 1, true), list);
    }

    static Episode step(String id, double[] state, double[] action, double reward) {
        return new Episode(id, new ContinuousStates(new double[][] {state}, new boolean[1][state.length]),
                new ContinuousActions(new double[][] {action}), new double[] {reward}, null, null, null, List.of());
    }

    static DatasetSchema schema(int features, int actions, boolean rewards) {
        List<Variable> f = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            f.add(new Variable("x" + i, ""));
        }
        List<Variable> a = new ArrayList<>();
        for (int i = 0; i < actions; i++) {
            a.add(new Variable("dose" + i, ""));
        }
        return new DatasetSchema("toy", SpaceType.continuous(), f, SpaceType.continuous(), a, rewards, false, "", "",
                Duration.ZERO);
    }

    /** A fast config: small nets, larger steps than the paper's, so a few hundred updates suffice. */
    static CqlContinuousConfig fast(CqlContinuousConfig preset, int steps) {
        return preset.withTraining(steps, 32, 1e-3, 1e-3, 0.01).withSeed(7);
    }
}
