package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.dataset.Outcome;
import dev.vigil.offlinerl.algo.TrainingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gradient steps per second of CQL, CCQL and GCQL against a plain DDPG step (alpha 0: no sampled actions, no
 * penalty), alternating the four learners round by round on one seeded dataset shaped like the ICU cohort
 * (2,000 episodes of 18 steps, 13 features, 2 doses, 80 % of doses zero, terminal +-1 rewards), best of the rounds.
 * Guardian fitting is excluded (GCQL's {@code gradientStepsPerSecond} counts training only).
 *
 * <p>Run: {@code CqlStepBenchmark [steps=300] [rounds=3] [hiddenWidth=128]} with {@code -Dai.djl.offline=true
 * -Dai.djl.pytorch.num_threads=1}.
 */
public final class CqlStepBenchmark {

    private CqlStepBenchmark() {
    }

    static TrajectoryDataset icuShaped(int episodes, int steps, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Variable> f = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            f.add(new Variable("x" + i, ""));
        }
        DatasetSchema schema = new DatasetSchema("bench", SpaceType.continuous(), f, SpaceType.continuous(),
                List.of(new Variable("iv_fluid", ""), new Variable("vasopressor", "")), false, false, "", "",
                Duration.ZERO);
        List<Episode> list = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            double[][] x = new double[steps][features];
            double[][] a = new double[steps][2];
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < features; j++) {
                    x[t][j] = rng.nextDouble();
                }
                a[t][0] = rng.nextDouble() < 0.8 ? 0 : 1000 * rng.nextDouble();
                a[t][1] = rng.nextDouble() < 0.8 ? 0 : rng.nextDouble();
            }
            list.add(new Episode("e" + e, new ContinuousStates(x, new boolean[steps][features]),
                    new ContinuousActions(a), null, null, new Outcome(rng.nextDouble() < 0.3, 90), null, List.of()));
        }
        return new TrajectoryDataset(schema, list);
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        TrajectoryDataset data = icuShaped(2000, 18, 13, 1);
        Map<String, CqlContinuousConfig> configs = new LinkedHashMap<>();
        configs.put("ddpg", CqlContinuousConfig.cql().withAlpha(0));
        configs.put("cql", CqlContinuousConfig.cql());
        configs.put("ccql", CqlContinuousConfig.ccql());
        configs.put("gcql", CqlContinuousConfig.gcql());
        Map<String, Double> best = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, CqlContinuousConfig> c : configs.entrySet()) {
                CqlContinuousConfig config = c.getValue().withTraining(steps, width, 1e-4, 1e-4, 0.001).withSeed(r);
                double speed = new CqlLearner(c.getKey()).fit(data, config, TrainingListener.NONE).report().summary()
                        .get("gradientStepsPerSecond");
                best.merge(c.getKey(), speed, Math::max);
                System.out.printf(Locale.ROOT, "round %d %s: %.1f steps/s%n", r, c.getKey(), speed);
            }
        }
        System.out.printf(Locale.ROOT, "%n| learner | gradient steps/s (best of %d) | ratio to DDPG |%n|---|---|---|%n",
                rounds);
        for (Map.Entry<String, Double> b : best.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f |%n", b.getKey(), b.getValue(),
                    b.getValue() / best.get("ddpg"));
        }
    }
}
