package dev.vigil.offlinerl.algo.continuous;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.nn.TorchRuntime;
import dev.vigil.safety.guardian.CalibrationConfig;
import dev.vigil.safety.guardian.GaussianKdeGuardian;
import dev.vigil.safety.guardian.GuardianCalibrator;
import dev.vigil.safety.guardian.KdeConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Continuous CQL, CCQL and GCQL: one offline DDPG actor-critic (a deterministic tanh actor, one critic, target
 * copies of both updated by Polyak averaging) whose critic loss carries the CQL(H) penalty ({@link CqlPenalty}),
 * trained with DJL on minibatches of logged transitions.
 *
 * <pre>
 * critic:  mean (Q(s,a) - y)^2 + alpha * penalty,   y = r + gamma (1 - done) Q'(s', pi'(s'))
 * actor:   - mean Q(s, pi(s)) + beta * mean deficit(s, pi(s))        (beta > 0: GCQL, {@link CqlGuardianSurrogate})
 * </pre>
 *
 * Minibatches are uniform over transitions, or action-balanced over the 5x5 dose bins for CCQL
 * ({@link ActionBalancedResampler}). One critic (as DDPG and the paper's "DDPG + CQL"), not twin critics: the CQL
 * penalty already counters the overestimation twin critics are for.
 *
 * <p>Determinism: all randomness (weights, minibatches, sampled actions, noise, reference points, the guardian's
 * calibration split) comes from one {@link SplittableRandom} seeded with {@code config.seed()}; DJL's generator is
 * never used. With one intra-op thread (surefire and the launcher set it) the same seed gives the same policy.
 */
public final class CqlLearner {

    /** Metrics reported through the {@link TrainingListener}, about 100 times per fit. */
    public static final List<String> METRICS = List.of("step", "tdLoss", "cqlPenalty", "actorQ", "guardianDeficit");

    private final String name;

    /** @param name the registry name recorded in the provenance, e.g. {@code gcql} */
    public CqlLearner(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A learner needs its registry name, e.g. 'cql-continuous'");
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Validates the dataset and config, then trains.
     *
     * @throws IllegalArgumentException for a dataset without continuous states and actions, an empty one, non-finite
     *     values, a null config
     * @throws IllegalStateException when DJL cannot run offline
     */
    public CqlPolicy fit(TrajectoryDataset data, CqlContinuousConfig config, TrainingListener listener) {
        CqlTransitions transitions = CqlTransitions.of(data, config, name);
        TrainingListener out = listener == null ? TrainingListener.NONE : listener;
        TorchRuntime.check();
        SplittableRandom rng = new SplittableRandom(config.seed());
        Map<String, Double> summary = new LinkedHashMap<>();
        CqlGuardianSurrogate surrogate = null;
        GaussianKdeGuardian guardian = null;
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(TorchRuntime.ENGINE_NAME)) {
            if (config.guarded()) {
                guardian = fitGuardian(transitions, config, summary);
                surrogate = new CqlGuardianSurrogate(manager, referencePoints(transitions, config, rng),
                        transitions.stateDimension() + transitions.actionDimension(), config.kdeSigma(),
                        guardian.threshold());
                summary.put("guardianSeconds", (System.nanoTime() - start) / 1e9);
            }
            // Steps per second count the gradient steps only, not the guardian's fit.
            CqlPolicy policy = train(transitions, config, rng, manager, surrogate, out, summary, System.nanoTime(),
                    data);
            if (guardian != null) {
                summary.put("oodShare", oodShare(policy, transitions, guardian));
            }
            return new CqlPolicy(policy.network(), policy.critic(), policy.actionMin(), policy.actionMax(),
                    policy.provenance(), new FitReport(summary, List.of(), List.of()));
        }
    }

    private CqlPolicy train(CqlTransitions d, CqlContinuousConfig config, SplittableRandom rng, NDManager manager,
            CqlGuardianSurrogate surrogate, TrainingListener listener, Map<String, Double> summary, long start,
            TrajectoryDataset data) {
        int s = d.stateDimension();
        int a = d.actionDimension();
        int[] actorSizes = sizes(s, config, a);
        int[] criticSizes = sizes(s + a, config, 1);
        CqlMlp actor = new CqlMlp("actor", manager, actorSizes, true, rng);
        CqlMlp critic = new CqlMlp("critic", manager, criticSizes, false, rng);
        CqlMlp actorTarget = actor.copy("actor-target", manager);
        CqlMlp criticTarget = critic.copy("critic-target", manager);
        actor.trackGradients();
        critic.trackGradients();
        Optimizer actorOptimizer = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) config.actorLearningRate())).build();
        Optimizer criticOptimizer = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) config.criticLearningRate())).build();
        ActionBalancedResampler resampler = config.actionBalanced()
                ? new ActionBalancedResampler(d.binIds(), config.minBinCount()) : null;
        int b = config.batchSize();
        int mu = config.uniformSamples();
        int mp = config.policySamples();
        int m = mu + mp;
        int every = Math.max(1, config.gradientSteps() / 100);
        int iteration = 0;
        double lastTd = Double.NaN;
        double lastPenalty = Double.NaN;
        double lastActorQ = Double.NaN;
        double lastDeficit = Double.NaN;
        int[] rows = new int[b];
        for (int step = 1; step <= config.gradientSteps(); step++) {
            for (int i = 0; i < b; i++) {
                rows[i] = resampler == null ? rng.nextInt(d.size()) : resampler.draw(rng);
            }
            boolean report = step % every == 0 || step == config.gradientSteps();
            try (NDManager scratch = manager.newSubManager()) {
                NDArray states = scratch.create(gather(d.states(), rows, s), new Shape(b, s));
                NDArray actions = scratch.create(gather(d.actions(), rows, a), new Shape(b, a));
                NDArray rewards = scratch.create(gather(d.rewards(), rows, 1), new Shape(b));
                NDArray next = scratch.create(gather(d.nextStates(), rows, s), new Shape(b, s));
                NDArray done = scratch.create(gather(d.terminal(), rows, 1), new Shape(b));

                // Outside a gradient collector DJL's PyTorch engine builds no graph: targets are constants.
                NDArray nextQ = criticTarget.forward(concat(next, actorTarget.forward(next))).squeeze(1);
                NDArray target = rewards.add(done.mul(-1f).add(1f).mul(nextQ).mul((float) config.discount()));
                NDArray sampledStates = null;
                NDArray sampledActions = null;
                if (config.alpha() > 0) {
                    float[] policyActions = actor.forward(states).toFloatArray();
                    sampledStates = scratch.create(tile(d.states(), rows, s, m), new Shape((long) b * m, s));
                    sampledActions = scratch.create(sampleActions(policyActions, b, a, mu, mp, config.policyNoise(),
                            rng), new Shape((long) b * m, a));
                }
                try (GradientCollector collector = Engine.getEngine(TorchRuntime.ENGINE_NAME).newGradientCollector()) {
                    NDArray q = critic.forward(concat(states, actions)).squeeze(1);
                    NDArray td = q.sub(target).square().mean();
                    NDArray loss = td;
                    NDArray penalty = null;
                    if (sampledStates != null) {
                        NDArray sampledQ = critic.forward(concat(sampledStates, sampledActions)).reshape(b, m);
                        penalty = CqlPenalty.of(sampledQ, q);
                        loss = td.add(penalty.mul((float) config.alpha()));
                    }
                    collector.backward(loss);
                    if (report) {
                        lastTd = td.getFloat();
                        lastPenalty = penalty == null ? Double.NaN : penalty.getFloat();
                    }
                }
                critic.step(criticOptimizer, scratch);

                try (GradientCollector collector = Engine.getEngine(TorchRuntime.ENGINE_NAME).newGradientCollector()) {
                    NDArray policy = actor.forward(states);
                    NDArray pair = concat(states, policy);
                    NDArray actorQ = critic.forward(pair).mean();
                    NDArray loss = actorQ.neg();
                    NDArray deficit = null;
                    if (surrogate != null) {
                        deficit = surrogate.deficit(pair).mean();
                        loss = loss.add(deficit.mul((float) config.guardianWeight()));
                    }
                    collector.backward(loss);
                    if (report) {
                        lastActorQ = actorQ.getFloat();
                        lastDeficit = deficit == null ? Double.NaN : deficit.getFloat();
                    }
                }
                actor.step(actorOptimizer, scratch);
                critic.zeroGradients(scratch);
                actorTarget.softUpdate(actor, config.tau(), scratch);
                criticTarget.softUpdate(critic, config.tau(), scratch);
            }
            if (report) {
                iteration++;
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("step", (double) step);
                metrics.put("tdLoss", lastTd);
                metrics.put("cqlPenalty", lastPenalty);
                metrics.put("actorQ", lastActorQ);
                metrics.put("guardianDeficit", lastDeficit);
                listener.onIteration(iteration, Collections.unmodifiableMap(metrics));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        summary.put("gradientSteps", (double) config.gradientSteps());
        summary.put("trainingSeconds", seconds);
        summary.put("gradientStepsPerSecond", config.gradientSteps() / seconds);
        summary.put("tdLoss", lastTd);
        summary.put("cqlPenalty", lastPenalty);
        summary.put("actorQ", lastActorQ);
        summary.put("guardianDeficit", lastDeficit);
        summary.put("transitions", (double) d.size());
        summary.put("filledStateValues", (double) d.filledValues());
        summary.put("rewardsInData", d.rewardsInData() ? 1.0 : 0.0);
        summary.put("sofaRewards", "sofa".equals(d.rewardSource()) ? 1.0 : 0.0);

        CqlScaling scaling = d.scaling();
        MlpSnapshot actorSnapshot = new MlpSnapshot(actor.layers(), scaling.stateScale(), scaling.stateShift(),
                scaling.actionScale(), scaling.actionShift());
        double[] criticScale = new double[s + a];
        double[] criticShift = new double[s + a];
        double[] stateScale = scaling.stateScale();
        double[] stateShift = scaling.stateShift();
        double[] actionScale = scaling.actionScale();
        double[] actionShift = scaling.actionShift();
        for (int j = 0; j < s; j++) {
            criticScale[j] = stateScale[j];
            criticShift[j] = stateShift[j];
        }
        for (int j = 0; j < a; j++) {
            // Inverse of the actor's output map: dose -> [-1, 1]; a constant dose maps to dose - min, as CqlScaling.
            boolean constant = actionScale[j] == 0;
            criticScale[s + j] = constant ? 1 : 1 / actionScale[j];
            criticShift[s + j] = constant ? -scaling.actionMin()[j] : -actionShift[j] / actionScale[j];
        }
        MlpSnapshot criticSnapshot = new MlpSnapshot(critic.layers(), criticScale, criticShift, new double[] {1},
                new double[] {0});
        return new CqlPolicy(actorSnapshot, criticSnapshot, scaling.actionMin(), scaling.actionMax(),
                PolicyProvenance.of(name, config, data, "none"), new FitReport(summary, List.of(), List.of()));
    }

    private static int[] sizes(int in, CqlContinuousConfig config, int out) {
        int[] sizes = new int[config.hiddenLayers() + 2];
        sizes[0] = in;
        for (int l = 1; l <= config.hiddenLayers(); l++) {
            sizes[l] = config.hiddenWidth();
        }
        sizes[sizes.length - 1] = out;
        return sizes;
    }

    private static NDArray concat(NDArray x, NDArray y) {
        return NDArrays.concat(new NDList(x, y), 1);
    }

    private static float[] gather(float[] source, int[] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(source, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    /** Each row's state repeated {@code m} times, row-major (B * m, S), row {@code b * m + j}. */
    private static float[] tile(float[] source, int[] rows, int width, int m) {
        float[] out = new float[rows.length * m * width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(source, rows[i] * width, out, (i * m + j) * width, width);
            }
        }
        return out;
    }

    /** Per state, {@code mu} uniform actions on [-1, 1]^A, then {@code mp} noisy actor actions clipped to [-1, 1]. */
    static float[] sampleActions(float[] policy, int b, int a, int mu, int mp, double noise, SplittableRandom rng) {
        int m = mu + mp;
        float[] out = new float[b * m * a];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < a; k++) {
                    double v = j < mu ? 2 * rng.nextDouble() - 1 : policy[i * a + k] + noise * gaussian(rng);
                    out[(i * m + j) * a + k] = (float) Math.max(-1, Math.min(1, v));
                }
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller from the run's own generator, so the noise is seeded like everything else.
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Fits the KDE guardian on the training episodes' scaled (state, action) and measures its coverage. */
    private static GaussianKdeGuardian fitGuardian(CqlTransitions d, CqlContinuousConfig config,
            Map<String, Double> summary) {
        KdeConfig kde = new KdeConfig(config.kdeSigma(), config.guardianPercentile(), KdeConfig.DEFAULT_KERNEL_CUTOFF,
                KdeConfig.DEFAULT_CELL_SIZE, false);
        GaussianKdeGuardian guardian;
        if (d.episodes().length >= 2) {
            GuardianCalibrator.Calibrated calibrated = new GuardianCalibrator(
                    new CalibrationConfig(config.calibrationHeldOut(), config.seed()))
                    .calibrate(d.episodes(), points -> GaussianKdeGuardian.fit(points, kde),
                            config.guardianPercentile());
            guardian = (GaussianKdeGuardian) calibrated.guardian();
            summary.put("guardianTargetCoverage", calibrated.calibration().targetCoverage());
            summary.put("guardianMeasuredCoverage", calibrated.calibration().measuredCoverage());
        } else {
            double[][] all = new double[d.size()][];
            for (int i = 0; i < all.length; i++) {
                all[i] = d.point(i);
            }
            guardian = GaussianKdeGuardian.fit(all, kde);
        }
        summary.put("guardianThreshold", guardian.threshold());
        return guardian;
    }

    /** Up to {@code guardianReferencePoints} distinct training pairs, drawn with the run's generator. */
    private static float[] referencePoints(CqlTransitions d, CqlContinuousConfig config, SplittableRandom rng) {
        int n = d.size();
        int m = Math.min(n, config.guardianReferencePoints());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int width = d.stateDimension() + d.actionDimension();
        float[] out = new float[m * width];
        for (int i = 0; i < m; i++) {
            double[] p = d.point(order[i]);
            for (int k = 0; k < width; k++) {
                out[i * width + k] = (float) p[k];
            }
        }
        return out;
    }

    /** Share of the training states at which the guardian calls (s, pi(s)) out of distribution. */
    private static double oodShare(CqlPolicy policy, CqlTransitions d, GaussianKdeGuardian guardian) {
        int s = d.stateDimension();
        int a = d.actionDimension();
        CqlScaling scaling = d.scaling();
        double[] x = new double[s];
        long ood = 0;
        for (int i = 0; i < d.size(); i++) {
            double[] point = d.point(i);
            // The actor runs on scaled states: apply its layers to the scaled state via the raw-unit snapshot.
            for (int j = 0; j < s; j++) {
                x[j] = unscale(point[j], scaling.stateMin()[j], scaling.stateMax()[j]);
            }
            double[] action = scaling.scaleAction(policy.act(x));
            System.arraycopy(action, 0, point, s, a);
            if (!guardian.judge(point).inSupport()) {
                ood++;
            }
        }
        return (double) ood / d.size();
    }

    private static double unscale(double scaled, double min, double max) {
        double range = max - min;
        return range > 0 ? (scaled + 1) * range / 2 + min : scaled + min;
    }
}
