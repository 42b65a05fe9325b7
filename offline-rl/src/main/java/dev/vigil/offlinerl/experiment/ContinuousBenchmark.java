package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.GaussianPolicyNetwork;
import dev.vigil.offlinerl.algo.continuous.ModelBasedConfig;
import dev.vigil.offlinerl.algo.continuous.ModelBasedOptimizer;
import dev.vigil.offlinerl.algo.continuous.ModelBasedTrainer;
import dev.vigil.offlinerl.algo.continuous.RolloutBatch;
import dev.vigil.offlinerl.algo.continuous.RolloutSampler;
import dev.vigil.offlinerl.dynamics.NearestNeighbourModel;
import dev.vigil.offlinerl.dynamics.ScaledEpisode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed of the model-based optimisers on the synthetic ICU cohort: model steps/s against the 1-NN lookup alone and
 * against plain array copies of the same rows (baselines measured in the same run), guardian verdicts/s, rollout
 * and update time per iteration, a default-config {@code gmb-cpo} run's wall time per iteration, and the learned
 * dynamics ensemble's model step ({@code environmentModel: ensemble}) against the 1-NN model step on the same
 * (state, action) pairs.
 *
 * <p>Run: {@code ContinuousBenchmark [patients=2000] [iterations=10]}.
 */
public final class ContinuousBenchmark {

    private ContinuousBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long t0 = System.nanoTime();
        TrajectoryDataset data = IcuSepsisExperiment.ingest(patients, 1);
        double ingest = seconds(t0);
        ModelBasedConfig config = ModelBasedConfig.defaults().with(iterations, 1);
        t0 = System.nanoTime();
        ModelBasedOptimizer.Setup setup = ModelBasedOptimizer.Setup.of(data, config);
        double setupSeconds = seconds(t0);
        List<ScaledEpisode> episodes = setup.dynamics.episodes();
        NearestNeighbourModel model = NearestNeighbourModel.fit(episodes);
        SplittableRandom rng = new SplittableRandom(5);
        int n = 2000;
        double[][] states = new double[n][];
        double[][] actions = new double[n][];
        for (int i = 0; i < n; i++) {
            ScaledEpisode e = episodes.get(rng.nextInt(episodes.size()));
            int t = rng.nextInt(e.steps());
            states[i] = e.state(t);
            actions[i] = e.action(t).clone();
            for (int j = 0; j < actions[i].length; j++) {
                actions[i][j] = Math.max(-1, Math.min(1, actions[i][j] + 0.1 * rng.nextGaussian()));
            }
        }
        int keys = model.keyCount();
        int width = states[0].length + actions[0].length;
        // Baseline: copying every key row once per query (the memory traffic a brute-force scan cannot avoid).
        double[][] keyRows = new double[keys][];
        for (int k = 0; k < keys; k++) {
            keyRows[k] = model.key(k);
        }
        double[] sink = new double[width];
        dev.vigil.offlinerl.algo.continuous.KdNearestNeighbour kd =
                new dev.vigil.offlinerl.algo.continuous.KdNearestNeighbour(keyRows);
        double[] point = new double[width];
        double copyPerQuery = 0;
        double lookup = 0;
        double kdLookup = 0;
        double step = 0;
        double judge = 0;
        long checksum = 0;
        // Two rounds, the first warming the JIT; the second round's figures are reported.
        for (int round = 0; round < 2; round++) {
            long b0 = System.nanoTime();
            int copies = n / 10;
            for (int i = 0; i < copies; i++) {
                for (double[] row : keyRows) {
                    System.arraycopy(row, 0, sink, 0, width);
                }
                checksum += (long) sink[0];
            }
            copyPerQuery = seconds(b0) / copies;
            long l0 = System.nanoTime();
            for (int i = 0; i < n / 4; i++) {
                checksum += model.nearestKey(states[i], actions[i]);
            }
            lookup = seconds(l0) / (n / 4);
            long k0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                checksum += kd.nearest(states[i], actions[i]);
            }
            kdLookup = seconds(k0) / n;
            long s0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                checksum += setup.environment.step(i > 0 ? states[i - 1] : null, states[i], actions[i]).terminal()
                        ? 1 : 0;
            }
            step = seconds(s0) / n;
            long g0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                System.arraycopy(states[i], 0, point, 0, states[i].length);
                System.arraycopy(actions[i], 0, point, states[i].length, actions[i].length);
                checksum += setup.guardian.judge(point).inSupport() ? 1 : 0;
            }
            judge = seconds(g0) / n;
        }

        // The bedside shield on the same pairs (mostly in support: one verdict each), then on the same states with
        // doses pushed far from the logged ones (flagged: a scan of the logged states and up to 33 more verdicts).
        dev.vigil.offlinerl.serving.SupportShield shield = dev.vigil.offlinerl.serving.SupportShield.of(setup.guardian,
                setup.loggedStates, setup.loggedActions, dev.vigil.offlinerl.serving.SupportShield.Config.defaults());
        double[][] far = new double[n][];
        for (int i = 0; i < n; i++) {
            far[i] = new double[actions[i].length];
            for (int j = 0; j < far[i].length; j++) {
                far[i][j] = actions[i][j] > 0 ? -1 : 1;
            }
        }
        double shieldNear = 0;
        double shieldFar = 0;
        long flagged = 0;
        int farQueries = n / 4;
        for (int round = 0; round < 2; round++) {
            long h0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                checksum += shield.shield(states[i], actions[i]).outcome().ordinal();
            }
            shieldNear = seconds(h0) / n;
            flagged = 0;
            long h1 = System.nanoTime();
            for (int i = 0; i < farQueries; i++) {
                int outcome = shield.shield(states[i], far[i]).outcome().ordinal();
                flagged += outcome > 0 ? 1 : 0;
                checksum += outcome;
            }
            shieldFar = seconds(h1) / farQueries;
        }

        // The learned ensemble as the model: its training, then its step on the same pairs as the 1-NN step above.
        long e0 = System.nanoTime();
        ModelBasedOptimizer.Setup ensembleSetup = ModelBasedOptimizer.Setup.of(data,
                config.withEnvironmentModel(ModelBasedConfig.ENSEMBLE));
        double ensembleSetupSeconds = seconds(e0);
        dev.vigil.offlinerl.algo.continuous.SimulatedEnvironment ensemble = ensembleSetup.environmentFor(1);
        double ensembleStep = 0;
        for (int round = 0; round < 2; round++) {
            long s0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                checksum += (long) ensemble.step(i > 0 ? states[i - 1] : null, states[i], actions[i]).reward();
            }
            ensembleStep = seconds(s0) / n;
        }

        // Rollouts alone with an untrained default policy, then a full gmb-cpo run.
        GaussianPolicyNetwork policy = new GaussianPolicyNetwork(setup.environment.stateDimension(),
                setup.environment.actionDimension(), config.hidden(), config.logStdInit(), new SplittableRandom(1));
        RolloutSampler sampler = new RolloutSampler(setup.environment, setup.guardian, true, config.oodPenalty(),
                config.oodCost(), config.horizon());
        long r0 = System.nanoTime();
        int rolloutSteps = 0;
        for (int i = 0; i < 5; i++) {
            RolloutBatch batch = sampler.sample(policy, setup.initialStates, config.episodesPerIteration(), true,
                    new SplittableRandom(i));
            rolloutSteps += batch.steps();
        }
        double rollout = seconds(r0) / 5;
        long f0 = System.nanoTime();
        new ModelBasedOptimizer(ModelBasedOptimizer.Variant.GMB_CPO).train(data, config, (it, m) -> { },
                ModelBasedTrainer.Checkpointing.NONE, setup);
        double perIteration = seconds(f0) / iterations;
        // Gradient steps per iteration: 1 policy step (CG: 2 solves x 10 Fisher products) + value-net Adam steps.
        double valueSteps = 2.0 * config.valueEpochs() * Math.ceil(rolloutSteps / 5.0 / config.valueBatchSize());

        System.out.printf(Locale.ROOT, "patients %d, logged steps %d, 1-NN keys %d, (state, action) width %d%n",
                patients, data.totalSteps(), keys, width);
        System.out.printf(Locale.ROOT, "ingest %.1f s, setup (scaling, 1-NN table, KDE guardian fit) %.1f s%n", ingest,
                setupSeconds);
        System.out.printf(Locale.ROOT, "baseline copy of all key rows: %.1f us/query (%.0f /s)%n", copyPerQuery * 1e6,
                1 / copyPerQuery);
        System.out.printf(Locale.ROOT, "1-NN lookup alone: %.1f us (%.0f /s) = %.2f x the copy baseline%n",
                lookup * 1e6, 1 / lookup, lookup / copyPerQuery);
        System.out.printf(Locale.ROOT, "1-NN lookup, k-d tree (same answers): %.1f us (%.0f /s) = %.3f x the copy "
                + "baseline%n", kdLookup * 1e6, 1 / kdLookup, kdLookup / copyPerQuery);
        System.out.printf(Locale.ROOT, "model step (k-d lookup + reward + sepsis-bedside cost): %.1f us (%.0f steps/s)"
                + " = %.2f x the k-d lookup alone%n", step * 1e6, 1 / step, step / kdLookup);
        System.out.printf(Locale.ROOT, "ensemble setup (dynamics ensemble training + KDE guardian fit): %.1f s%n",
                ensembleSetupSeconds);
        System.out.printf(Locale.ROOT, "ensemble model step (5 members of 4 x 200, one sampled, + SOFA reward + "
                + "sepsis-bedside cost): %.1f us (%.0f steps/s) = %.2f x the 1-NN model step%n", ensembleStep * 1e6,
                1 / ensembleStep, ensembleStep / step);
        System.out.printf(Locale.ROOT, "KDE guardian verdict: %.1f us (%.0f /s) = %.2f x the k-d lookup%n",
                judge * 1e6, 1 / judge, judge / kdLookup);
        System.out.printf(Locale.ROOT, "support shield, logged pairs: %.1f us (%.0f /s) = %.2f x the KDE verdict%n",
                shieldNear * 1e6, 1 / shieldNear, shieldNear / judge);
        System.out.printf(Locale.ROOT, "support shield, far doses (%d of %d flagged): %.1f us (%.0f /s) = %.2f x "
                + "the KDE verdict%n", flagged, farQueries, shieldFar * 1e6, 1 / shieldFar, shieldFar / judge);
        System.out.printf(Locale.ROOT, "rollout batch (32 x 20, guarded, untrained policy): %.3f s, %.0f steps/s%n",
                rollout, rolloutSteps / 5.0 / rollout);
        System.out.printf(Locale.ROOT, "gmb-cpo default config: %.3f s/iteration (%d iterations), about %.0f gradient "
                + "steps/s (1 natural-gradient step + %.0f Adam steps per iteration)%n", perIteration, iterations,
                (1 + valueSteps) / perIteration, valueSteps);
        System.out.printf(Locale.ROOT, "checksum %d%n", checksum);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
