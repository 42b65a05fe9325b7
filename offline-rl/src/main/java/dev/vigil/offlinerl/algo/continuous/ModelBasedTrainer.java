package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import dev.vigil.offlinerl.algo.TrainingListener;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The training loop shared by the five model-based optimisers, independent of any dataset: per iteration, roll the
 * Gaussian policy through the environment ({@link RolloutSampler}), estimate reward and cost advantages by GAE
 * with the value nets as baselines, take one policy step ({@link TrustRegionUpdate}), refit the value nets, and for
 * the Lagrangian take a dual-ascent step on both multipliers.
 */
public final class ModelBasedTrainer {

    /** Which policy update. */
    public enum Optimiser {
        /** TRPO on the reward alone (costs only reported). */
        TRPO,
        /** Simplified CPO: reward subject to the expected-cost budget. */
        CPO,
        /**
         * TRPO on {@code (A - lambdaC A_cost - lambdaO A_ood) / (1 + lambdaC + lambdaO)} with dual ascent on the
         * cost budget and the OOD-probability limit.
         */
        LAGRANGIAN
    }

    /**
     * Checkpointing of a run.
     *
     * @param store where checkpoints go; null for none
     * @param every a checkpoint after every {@code every}-th iteration and after the last, >= 1
     * @param resume continue from the store's latest checkpoint when there is one
     */
    public record Checkpointing(CheckpointStore store, int every, boolean resume) {

        public static final Checkpointing NONE = new Checkpointing(null, 1, false);

        public Checkpointing {
            if (every < 1) {
                throw new IllegalArgumentException("Checkpoint every " + every + " iterations: use at least 1");
            }
        }
    }

    /**
     * The trained networks and the last iteration's figures.
     *
     * @param startedAt the iteration the run started from (0 = fresh, else the checkpoint resumed)
     */
    public record Result(GaussianPolicyNetwork policy, Map<String, Double> lastMetrics, double lambdaCost,
            double lambdaOod, int startedAt, Map<String, Double> startFigures) {
    }

    /** The behaviour-cloning fit's figures in {@link Result#startFigures()} (absent when the run did not clone). */
    public static final String CLONING_MSE_BEFORE = "behaviourCloningMseBefore";
    public static final String CLONING_MSE_AFTER = "behaviourCloningMseAfter";

    /** Adam learning rate and mini-batch of the behaviour-cloning start. */
    private static final double CLONING_LEARNING_RATE = 1e-3;
    private static final int CLONING_BATCH = 256;

    private final ModelBasedConfig config;
    private final Optimiser optimiser;
    private final RolloutSampler sampler;
    private final double[][] initialStates;
    private final PolicyScaling scaling;
    private final int stateDimension;
    private final int actionDimension;
    private double[] startAction;
    private double[][] clonedStates;
    private double[][] clonedActions;

    public ModelBasedTrainer(ModelBasedConfig config, Optimiser optimiser, SimulatedEnvironment environment,
            RolloutSampler sampler, double[][] initialStates, PolicyScaling scaling) {
        this.config = config;
        this.optimiser = optimiser;
        this.sampler = sampler;
        this.initialStates = initialStates;
        this.scaling = scaling;
        this.stateDimension = environment.stateDimension();
        this.actionDimension = environment.actionDimension();
    }

    /**
     * Starts the policy mean near this scaled action (e.g. the logged median dose) instead of the centre of the
     * range; null for the centre.
     */
    public ModelBasedTrainer startingAt(double[] scaledAction) {
        this.startAction = scaledAction == null ? null : scaledAction.clone();
        return this;
    }

    /**
     * Starts the policy mean from the behaviour cloned on these logged pairs (training scale) when the config asks
     * for behaviour-cloning steps; a resumed run takes its checkpoint instead.
     */
    public ModelBasedTrainer clonedFrom(double[][] states, double[][] actions) {
        this.clonedStates = states;
        this.clonedActions = actions;
        return this;
    }

    public Result train(TrainingListener listener, Checkpointing checkpointing) {
        SplittableRandom init = new SplittableRandom(config.seed());
        GaussianPolicyNetwork policy = new GaussianPolicyNetwork(stateDimension, actionDimension, config.hidden(),
                config.logStdInit(), init);
        if (startAction != null) {
            policy.startAt(startAction);
        }
        ValueNetwork value = new ValueNetwork(stateDimension, config.hidden(), config.valueLearningRate(), init);
        ValueNetwork costValue = new ValueNetwork(stateDimension, config.hidden(), config.valueLearningRate(), init);
        TrustRegionUpdate update = new TrustRegionUpdate(config.trustRegion());
        String configJson = AlgorithmConfigs.toJson(config);
        double lambdaCost = 0;
        double lambdaOod = 0;
        int first = 1;
        Map<String, Double> resumedMetrics = Map.of();
        Map<String, Double> startFigures = new LinkedHashMap<>();
        if (checkpointing.store() != null && checkpointing.resume()) {
            Optional<Checkpoint> last = checkpointing.store().latest();
            if (last.isPresent()) {
                Checkpoint c = last.get();
                if (!c.configJson().equals(configJson)) {
                    throw new IllegalArgumentException("The latest checkpoint (iteration " + c.iteration() + ") was "
                            + "written with another config; resume with the same config or start a fresh directory."
                            + " Checkpoint config: " + c.configJson());
                }
                policy.setParameters(c.policyParameters());
                value.restore(c.value());
                costValue.restore(c.costValue());
                lambdaCost = c.lambdaCost();
                lambdaOod = c.lambdaOod();
                first = c.iteration() + 1;
                resumedMetrics = new LinkedHashMap<>(c.metrics());
                // The start's figures ride along in every checkpoint, so a resumed run reports them too.
                for (String key : List.of(CLONING_MSE_BEFORE, CLONING_MSE_AFTER)) {
                    Double v = resumedMetrics.remove(key);
                    if (v != null) {
                        startFigures.put(key, v);
                    }
                }
                resumedMetrics = Map.copyOf(resumedMetrics);
            }
        }
        if (first == 1 && config.behaviourCloningSteps() > 0 && clonedStates != null) {
            BehaviourCloning.Result cloning = BehaviourCloning.fit(policy, clonedStates, clonedActions,
                    config.behaviourCloningSteps(), CLONING_BATCH, CLONING_LEARNING_RATE, config.logStdInit(),
                    new SplittableRandom(config.seed() ^ 0x5DEECE66DL));
            startFigures.put(CLONING_MSE_BEFORE, cloning.mseBefore());
            startFigures.put(CLONING_MSE_AFTER, cloning.mseAfter());
        }
        Map<String, Double> metrics = resumedMetrics;
        for (int it = first; it <= config.iterations(); it++) {
            SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + it);
            RolloutBatch batch = sampler.sample(policy, initialStates, config.episodesPerIteration(), true, rng);
            double[][] advantages = advantages(batch, value, costValue);
            double[] rewardAdv = normalised(advantages[0]);
            double[] costAdv = centred(advantages[2]);
            TrustRegionUpdate.Outcome outcome = switch (optimiser) {
                case TRPO -> update.trpo(policy, batch.states(), batch.actions(), rewardAdv, batch.episodes());
                case CPO -> update.cpo(policy, batch.states(), batch.actions(), rewardAdv, costAdv,
                        batch.meanCost() - config.costBudget(), batch.episodes());
                case LAGRANGIAN -> update.trpo(policy, batch.states(), batch.actions(),
                        combined(rewardAdv, costAdv, oodAdvantages(batch), lambdaCost, lambdaOod), batch.episodes());
            };
            double valueLoss = value.fit(batch.states(), advantages[1], config.valueEpochs(), config.valueBatchSize(),
                    rng);
            double costValueLoss = costValue.fit(batch.states(), advantages[3], config.valueEpochs(),
                    config.valueBatchSize(), rng);
            if (optimiser == Optimiser.LAGRANGIAN) {
                lambdaCost = Math.max(0, lambdaCost + config.dualLearningRate() * (batch.meanCost()
                        - config.costBudget()));
                lambdaOod = Math.max(0, lambdaOod + config.dualLearningRate() * (batch.oodEpisodeRate()
                        - config.oodProbabilityLimit()));
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("meanReturn", batch.meanReturn());
            m.put("meanCost", batch.meanCost());
            m.put("oodRate", batch.oodRate());
            m.put("oodEpisodeRate", batch.oodEpisodeRate());
            m.put("accepted", outcome.accepted() ? 1.0 : 0.0);
            m.put("backtracks", (double) outcome.backtracks());
            m.put("kl", outcome.kl());
            m.put("cpoCase", (double) outcome.cpoCase());
            m.put("valueLoss", valueLoss);
            m.put("costValueLoss", costValueLoss);
            m.put("lambdaCost", lambdaCost);
            m.put("lambdaOod", lambdaOod);
            m.put("meanStd", Arrays.stream(policy.logStd()).map(Math::exp).average().orElse(0));
            metrics = Map.copyOf(m);
            listener.onIteration(it, metrics);
            if (checkpointing.store() != null && (it % checkpointing.every() == 0 || it == config.iterations())) {
                checkpointing.store().save(new Checkpoint(configJson, it, policy.parameters(), value.state(),
                        costValue.state(), lambdaCost, lambdaOod, snapshot(policy), withStart(metrics, startFigures)));
            }
        }
        return new Result(policy, metrics, lambdaCost, lambdaOod, first - 1, Map.copyOf(startFigures));
    }

    private static Map<String, Double> withStart(Map<String, Double> metrics, Map<String, Double> startFigures) {
        if (startFigures.isEmpty()) {
            return metrics;
        }
        Map<String, Double> all = new LinkedHashMap<>(metrics);
        all.putAll(startFigures);
        return all;
    }

    /** The policy mean as a snapshot in dataset units. */
    MlpSnapshot snapshot(GaussianPolicyNetwork policy) {
        return policy.meanNetwork().snapshot(scaling.inScale(), scaling.inShift(), scaling.outScale(),
                scaling.outShift());
    }

    /** {reward advantages, value targets, cost advantages, cost-value targets}, each per step. */
    private double[][] advantages(RolloutBatch batch, ValueNetwork value, ValueNetwork costValue) {
        int n = batch.steps();
        double[][] out = new double[4][n];
        double[][] states = batch.states();
        for (int e = 0; e < batch.episodes(); e++) {
            int start = batch.start()[e];
            int len = batch.length()[e];
            double[] r = Arrays.copyOfRange(batch.rewards(), start, start + len);
            double[] c = Arrays.copyOfRange(batch.costs(), start, start + len);
            double[] v = new double[len + 1];
            double[] vc = new double[len + 1];
            for (int t = 0; t < len; t++) {
                v[t] = value.value(states[start + t]);
                vc[t] = costValue.value(states[start + t]);
            }
            if (!batch.ended()[e]) {
                v[len] = value.value(batch.finalStates()[e]);
                vc[len] = costValue.value(batch.finalStates()[e]);
            }
            Gae.Result reward = Gae.compute(r, v, config.discount(), config.gaeLambda());
            Gae.Result cost = Gae.compute(c, vc, config.discount(), config.gaeLambda());
            System.arraycopy(reward.advantages(), 0, out[0], start, len);
            System.arraycopy(reward.targets(), 0, out[1], start, len);
            System.arraycopy(cost.advantages(), 0, out[2], start, len);
            System.arraycopy(cost.targets(), 0, out[3], start, len);
        }
        return out;
    }

    /**
     * OOD "advantages" for the Lagrangian: the discounted count of OOD steps still to come in the episode, centred
     * over the batch (a Monte Carlo estimate with a constant baseline; no third value net).
     */
    private double[] oodAdvantages(RolloutBatch batch) {
        double[] out = new double[batch.steps()];
        for (int e = 0; e < batch.episodes(); e++) {
            double running = 0;
            for (int t = batch.start()[e] + batch.length()[e] - 1; t >= batch.start()[e]; t--) {
                running = (batch.ood()[t] ? 1 : 0) + config.discount() * running;
                out[t] = running;
            }
        }
        return centred(out);
    }

    private static double[] combined(double[] reward, double[] cost, double[] ood, double lc, double lo) {
        double[] out = new double[reward.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (reward[i] - lc * cost[i] - lo * ood[i]) / (1 + lc + lo);
        }
        return out;
    }

    static double[] centred(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        return Arrays.stream(x).map(v -> v - mean).toArray();
    }

    static double[] normalised(double[] x) {
        double[] c = centred(x);
        double sd = Math.sqrt(Arrays.stream(c).map(v -> v * v).average().orElse(0));
        return sd > 1e-8 ? Arrays.stream(c).map(v -> v / sd).toArray() : c;
    }
}
