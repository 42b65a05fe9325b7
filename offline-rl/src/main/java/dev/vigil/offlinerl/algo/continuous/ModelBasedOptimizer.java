package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.FittedPolicy;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.dynamics.DynamicsData;
import dev.vigil.offlinerl.dynamics.EnsembleFit;
import dev.vigil.offlinerl.dynamics.EpisodeSplit;
import dev.vigil.offlinerl.dynamics.GaussianEnsembleConfig;
import dev.vigil.offlinerl.dynamics.GaussianEnsembleModel;
import dev.vigil.offlinerl.dynamics.GaussianEnsembleTrainer;
import dev.vigil.offlinerl.dynamics.MemberFit;
import dev.vigil.offlinerl.dynamics.NearestNeighbourModel;
import dev.vigil.offlinerl.dynamics.RewardFunction;
import dev.vigil.offlinerl.dynamics.ScaledEpisode;
import dev.vigil.offlinerl.objective.CostRuleSets;
import dev.vigil.offlinerl.objective.SofaStepReward;
import dev.vigil.offlinerl.objective.TrainingRewards;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.guardian.CombinedGuardian;
import dev.vigil.safety.guardian.EnsembleConfig;
import dev.vigil.safety.guardian.EnsembleDisagreementGuardian;
import dev.vigil.safety.guardian.GaussianKdeGuardian;
import dev.vigil.safety.guardian.KdeConfig;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OGSRL's model-based optimisers on continuous data (methods.md section 1): the 1-nearest-neighbour model over the
 * scaled training (state, action) pairs as the environment (or, with {@code environmentModel: ensemble}, a dynamics
 * ensemble trained on them, {@link EnsembleEnvironment}), the Gaussian KDE guardian (sigma 0.535, 5th percentile)
 * judging every simulated step, and TRPO, simplified CPO or the guarded Lagrangian optimising a Gaussian policy on
 * 20-step rollouts from the training episodes' initial states. G-variants enforce the guardian (OOD step: reward
 * -25, cost 1, episode frozen); MB-variants only measure and report it.
 *
 * <p>Rewards: the data's own when it has a reward column; otherwise the config's {@code reward}
 * ({@link TrainingRewards}: by default OGSRL's SOFA step reward plus the terminal outcome when the data has the SOFA
 * columns, else the terminal outcome only). Costs: the data's cost column (logged cost of the matched step) when it
 * has one; otherwise the {@code costRuleSet} ({@link CostRuleSets}; sepsis-bedside by default, {@code ogsrl-sepsis}
 * for OGSRL's two rules) applied to each simulated step when it compiles against the schema; else none.
 */
public final class ModelBasedOptimizer implements OfflineAlgorithm<ModelBasedConfig> {

    /** The five registered algorithms. */
    public enum Variant {
        MB_TRPO("mb-trpo", ModelBasedTrainer.Optimiser.TRPO, false),
        GMB_TRPO("gmb-trpo", ModelBasedTrainer.Optimiser.TRPO, true),
        MB_CPO("mb-cpo", ModelBasedTrainer.Optimiser.CPO, false),
        GMB_CPO("gmb-cpo", ModelBasedTrainer.Optimiser.CPO, true),
        GLAGRANGIAN("glagrangian", ModelBasedTrainer.Optimiser.LAGRANGIAN, true);

        private final String registryName;
        private final ModelBasedTrainer.Optimiser optimiser;
        private final boolean guarded;

        Variant(String registryName, ModelBasedTrainer.Optimiser optimiser, boolean guarded) {
            this.registryName = registryName;
            this.optimiser = optimiser;
            this.guarded = guarded;
        }

        public String registryName() {
            return registryName;
        }

        public boolean guarded() {
            return guarded;
        }

        public ModelBasedTrainer.Optimiser optimiser() {
            return optimiser;
        }
    }

    private final Variant variant;

    public ModelBasedOptimizer(Variant variant) {
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant.registryName;
    }

    /** Refuses: this algorithm learns a continuous policy; use {@link #fitPolicy}. */
    @Override
    public TrainedPolicy fit(TrajectoryDataset data, ModelBasedConfig config, TrainingListener listener) {
        throw new IllegalArgumentException("'" + name() + "' learns a continuous policy, not a table over state ids: "
                + "call fitPolicy (RegisteredAlgorithm.fitPolicy / AlgorithmRegistry.fitPolicy), which returns a "
                + "FittedPolicy.Continuous");
    }

    @Override
    public FittedPolicy fitPolicy(TrajectoryDataset data, ModelBasedConfig config, TrainingListener listener) {
        return new FittedPolicy.Continuous(train(data, config, listener, ModelBasedTrainer.Checkpointing.NONE));
    }

    @Override
    public boolean checkpoints() {
        return true;
    }

    @Override
    public FittedPolicy fitPolicy(TrajectoryDataset data, ModelBasedConfig config, TrainingListener listener,
            ModelBasedTrainer.Checkpointing checkpointing) {
        return new FittedPolicy.Continuous(train(data, config, listener, checkpointing));
    }

    /**
     * Trains with checkpoints (and resumes from the store's latest when asked).
     *
     * @throws IllegalArgumentException for an unsuitable dataset or config, naming the field
     */
    public GaussianPolicy train(TrajectoryDataset data, ModelBasedConfig config, TrainingListener listener,
            ModelBasedTrainer.Checkpointing checkpointing) {
        if (config == null) {
            throw new IllegalArgumentException("'" + name() + "' needs a config; use ModelBasedConfig.defaults()");
        }
        validate(data, name());
        return train(data, config, listener, checkpointing, Setup.of(data, config));
    }

    /**
     * Trains on a prepared {@link Setup} (the model and guardian of {@code data} under {@code config}'s guardian and
     * reward fields), so that several variants can share one: experiments.
     */
    public GaussianPolicy train(TrajectoryDataset data, ModelBasedConfig config, TrainingListener listener,
            ModelBasedTrainer.Checkpointing checkpointing, Setup setup) {
        SimulatedEnvironment environment = setup.environmentFor(config.seed());
        RolloutSampler sampler = new RolloutSampler(environment, setup.trainingGuardian, variant.guarded,
                config.oodPenalty(), config.oodCost(), config.horizon(), config.continuesAfterOod());
        ModelBasedTrainer trainer = new ModelBasedTrainer(config, variant.optimiser, environment, sampler,
                setup.initialStates, setup.scaling).startingAt(setup.medianAction)
                .clonedFrom(setup.loggedStates, setup.loggedActions);
        ModelBasedTrainer.Result result = trainer.train(listener == null ? TrainingListener.NONE : listener,
                checkpointing);
        Map<String, Double> summary = new HashMap<>(result.lastMetrics());
        summary.put("costsInData", setup.costSource.equals("data") ? 1.0 : 0.0);
        summary.put("costsFromRuleSet", setup.costSource.equals("rule-set") ? 1.0 : 0.0);
        summary.put("rewardsInData", data.schema().hasRewards() ? 1.0 : 0.0);
        summary.put("sofaRewards", setup.rewardSource.equals(TrainingRewards.SOFA) ? 1.0 : 0.0);
        summary.put("guarded", variant.guarded ? 1.0 : 0.0);
        summary.put("guardianThreshold", setup.guardian.threshold());
        summary.put("ensembleEnvironment", setup.ensemble != null ? 1.0 : 0.0);
        if (setup.ensembleFit != null) {
            // How well the model the policy trained in predicts episodes it never saw: an auditor's first question.
            summary.put("ensembleHoldoutNll", setup.ensembleFit.members().stream()
                    .mapToDouble(MemberFit::bestHoldoutNll).average().orElse(Double.NaN));
            summary.put("ensembleHoldoutTransitions", (double) setup.ensembleFit.holdoutTransitions());
        }
        if (setup.disagreement != null) {
            summary.put("disagreementThreshold", setup.disagreement.threshold());
        }
        summary.put("resumedFromIteration", (double) result.startedAt());
        summary.putAll(result.startFigures());
        return new GaussianPolicy(trainer.snapshot(result.policy()), result.policy().logStd(),
                PolicyProvenance.of(name(), config, data, setup.ruleSetVersion),
                new FitReport(summary, List.of(), List.of()));
    }

    /**
     * Everything a run is built from: the scaled data, the environment model, the guardian, the initial states.
     * Public so that experiments can evaluate policies on the same model.
     */
    public static final class Setup {
        public final DynamicsData dynamics;
        /** The environment of {@code environmentModel} (for the ensemble: with the sampler of the config's seed). */
        public final SimulatedEnvironment environment;
        /** The trained dynamics ensemble when {@code environmentModel} is {@code ensemble}, else null. */
        public final GaussianEnsembleModel ensemble;
        /** The KDE guardian of the logged (state, action) pairs: what the OOD rate is reported against. */
        public final GaussianKdeGuardian guardian;
        /** The trained ensemble's fit (members' held-out likelihoods), or null for the 1-NN model. */
        public final EnsembleFit ensembleFit;
        /** The ensemble-disagreement guardian when {@code disagreementPercentile} is above 0, else null. */
        public final EnsembleDisagreementGuardian disagreement;
        /** What the rollouts judge with: the KDE guardian, combined with the disagreement guardian when there is one. */
        public final OodGuardian trainingGuardian;
        public final double[][] initialStates;
        public final PolicyScaling scaling;
        public final String costSource;
        public final String ruleSetVersion;
        /** Per action, the median logged dose on the [-1, 1] scale: where the policy mean starts. */
        public final double[] medianAction;
        /** Where the training rewards came from: {@code data}, {@code outcome} or {@code sofa}. */
        public final String rewardSource;
        /** The cost model of simulated steps, or null (costs from the data, or none). */
        public final CostModel costModel;
        /** Every logged state and its action on the training scale, row for row: the behaviour-cloning start. */
        public final double[][] loggedStates;
        public final double[][] loggedActions;

        private final RewardFunction ensembleReward;

        private Setup(DynamicsData dynamics, SimulatedEnvironment environment, EnsembleFit ensembleFit,
                RewardFunction ensembleReward, GaussianKdeGuardian guardian, EnsembleDisagreementGuardian disagreement,
                double[][] initialStates, PolicyScaling scaling, String costSource, String ruleSetVersion, double[] medianAction,
                String rewardSource, CostModel costModel, double[][] loggedStates, double[][] loggedActions) {
            this.ensembleFit = ensembleFit;
            this.ensemble = ensembleFit == null ? null : ensembleFit.model();
            this.disagreement = disagreement;
            this.trainingGuardian = disagreement == null ? guardian
                    : new CombinedGuardian(List.of(guardian, disagreement));
            this.ensembleReward = ensembleReward;
            this.loggedStates = loggedStates;
            this.loggedActions = loggedActions;
            this.rewardSource = rewardSource;
            this.costModel = costModel;
            this.dynamics = dynamics;
            this.environment = environment;
            this.guardian = guardian;
            this.initialStates = initialStates;
            this.scaling = scaling;
            this.costSource = costSource;
            this.ruleSetVersion = ruleSetVersion;
            this.medianAction = medianAction;
        }

        public static Setup of(TrajectoryDataset data, ModelBasedConfig config) {
            DynamicsData dynamics = DynamicsData.fit(data);
            List<ScaledEpisode> episodes = dynamics.episodes();
            int s = dynamics.stateDimension();
            PolicyScaling scaling = PolicyScaling.fromMinMax(dynamics.scaler().min(), dynamics.scaler().max(), s);
            TrainingRewards.Rewards trainingRewards = TrainingRewards.of(data, config.reward(),
                    config.survivalReward(), config.deathReward());
            // Rollouts have a fixed length: rewards without the death padding, and the frozen remainder's reward.
            List<double[]> rewards = trainingRewards.rollout();
            List<double[]> logged = null;
            CostModel costModel = null;
            String source = "none";
            String ruleSetVersion = "none";
            if (data.schema().hasCosts()) {
                logged = new ArrayList<>();
                for (Episode e : data.episodes()) {
                    logged.add(e.costs());
                }
                source = "data";
                ruleSetVersion = "dataset-costs";
            } else {
                RuleSet ruleSet = CostRuleSets.resolve(config.costRuleSet());   // unknown set or rule: refused
                if (ruleSet != null) {
                    try {
                        costModel = CostModel.compile(ruleSet, data.schema());
                        source = "rule-set";
                        ruleSetVersion = costModel.ruleSetRef().id() + "@" + costModel.ruleSetRef().version();
                    } catch (IllegalArgumentException e) {
                        costModel = null;   // the rule set does not fit this schema: no costs, as discretised ogsrl
                    }
                }
            }
            SimulatedEnvironment environment;
            EnsembleFit ensembleFit = null;
            RewardFunction ensembleReward = null;
            if (ModelBasedConfig.ENSEMBLE.equals(config.environmentModel())) {
                requireEnsembleObjective(data, trainingRewards.source(), source);
                SofaStepReward sofa = SofaStepReward.forSchema(data.schema());
                // OGSRL's step reward, scored on the state the model predicts with the dose that ran.
                ensembleReward = (state, action, next) -> sofa.step(scaling.unscaleState(next),
                        scaling.unscaleAction(action));
                ensembleFit = new GaussianEnsembleTrainer(GaussianEnsembleConfig.defaults().withSeed(config.seed()))
                        .fit(episodes);
                environment = new EnsembleEnvironment(ensembleFit.model(), ensembleReward, costModel, scaling);
            } else {
                NearestNeighbourModel model = NearestNeighbourModel.fit(episodes);
                environment = new NearestNeighbourEnvironment(model, episodes, rewards, trainingRewards.frozen(),
                        logged, costModel, scaling);
            }
            List<double[]> points = new ArrayList<>();
            List<double[]> loggedStates = new ArrayList<>();
            List<double[]> loggedActions = new ArrayList<>();
            double[][] initial = new double[episodes.size()][];
            for (int e = 0; e < episodes.size(); e++) {
                ScaledEpisode episode = episodes.get(e);
                initial[e] = episode.state(0);
                for (int t = 0; t < episode.steps(); t++) {
                    points.add(point(episode, t));
                    loggedStates.add(episode.state(t));
                    loggedActions.add(episode.action(t));
                }
            }
            KdeConfig kde = new KdeConfig(config.kdeSigma(), config.kdePercentile(), KdeConfig.DEFAULT_KERNEL_CUTOFF,
                    KdeConfig.DEFAULT_CELL_SIZE, false);
            GaussianKdeGuardian guardian = GaussianKdeGuardian.fit(points.toArray(new double[0][]), kde);
            int a = dynamics.actionDimension();
            double[] median = new double[a];
            for (int j = 0; j < a; j++) {
                final int col = s + j;
                double[] column = points.stream().mapToDouble(p -> p[col]).sorted().toArray();
                median[j] = column[column.length / 2];
            }
            EnsembleDisagreementGuardian disagreement = config.disagreementPercentile() > 0
                    ? calibratedDisagreement(ensembleFit.model(), episodes, config.disagreementPercentile()) : null;
            return new Setup(dynamics, environment, ensembleFit, ensembleReward, guardian, disagreement, initial,
                    scaling, source, ruleSetVersion, median, trainingRewards.source(), costModel,
                    loggedStates.toArray(new double[0][]), loggedActions.toArray(new double[0][]));
        }

        /**
         * The environment one training run rolls through: the shared 1-NN environment (deterministic), or the
         * ensemble with its own sampler seeded by {@code seed}, so that a run's model noise does not depend on which
         * runs shared the setup before it.
         */
        public SimulatedEnvironment environmentFor(long seed) {
            return ensemble == null ? environment
                    : new EnsembleEnvironment(ensemble.reseeded(seed), ensembleReward, costModel, scaling);
        }

        /**
         * The disagreement guardian, its threshold the percentile of the members' disagreement on the logged
         * (state, action) points of the episodes the ensemble held out from its training (all episodes when it held
         * none out): on the points it trained on the members agree more than on unseen in-distribution ones, and a
         * threshold from those would flag ordinary states.
         */
        static EnsembleDisagreementGuardian calibratedDisagreement(GaussianEnsembleModel ensemble,
                List<ScaledEpisode> episodes, double percentile) {
            List<ScaledEpisode> holdout = EpisodeSplit.byEpisode(episodes, ensemble.config().holdoutFraction(),
                    ensemble.config().seed()).holdout();
            List<double[]> points = new ArrayList<>();
            for (ScaledEpisode episode : holdout.isEmpty() ? episodes : holdout) {
                for (int t = 0; t < episode.steps(); t++) {
                    points.add(point(episode, t));
                }
            }
            return EnsembleDisagreementGuardian.fit(ensemble, points.toArray(new double[0][]),
                    new EnsembleConfig(percentile, EnsembleConfig.Disagreement.MEAN_PAIRWISE_DISTANCE));
        }

        /** The scaled (state, action) of step {@code t}: the point a guardian judges. */
        private static double[] point(ScaledEpisode episode, int t) {
            int s = episode.stateDimension();
            double[] p = new double[s + episode.actionDimension()];
            System.arraycopy(episode.state(t), 0, p, 0, s);
            System.arraycopy(episode.action(t), 0, p, s, episode.actionDimension());
            return p;
        }

        /**
         * A learned model has no logged rewards or costs to return: it needs both computable from the state it
         * predicts.
         */
        private static void requireEnsembleObjective(TrajectoryDataset data, String rewardSource, String costSource) {
            String name = data.schema().name();
            if (!TrainingRewards.SOFA.equals(rewardSource)) {
                throw new IllegalArgumentException("Dataset " + name + ": environmentModel 'ensemble' needs a reward "
                        + "computed from the predicted state (reward: sofa, on data with the SOFA columns); the reward"
                        + " here would come from '" + rewardSource + "'. Use environmentModel 'nearest-neighbour'");
            }
            if ("data".equals(costSource)) {
                throw new IllegalArgumentException("Dataset " + name + " has a logged cost column, which a learned "
                        + "model cannot return for a state it predicts; environmentModel 'ensemble' computes costs "
                        + "from the costRuleSet: use data without a cost column, or environmentModel "
                        + "'nearest-neighbour'");
            }
        }

        /** The guardian as the rollouts use it. */
        public OodGuardian oodGuardian() {
            return guardian;
        }
    }

    /**
     * Checks what the model-based optimisers need before any work.
     *
     * @throws IllegalArgumentException naming the dataset, field, episode and step at fault
     */
    public static void validate(TrajectoryDataset data, String algorithm) {
        if (data == null) {
            throw new IllegalArgumentException("'" + algorithm + "' needs a dataset; got null");
        }
        String name = data.schema().name();
        if (data.episodes().isEmpty()) {
            throw new IllegalArgumentException("Dataset " + name + " is empty (no episodes); '" + algorithm
                    + "' needs logged episodes to build its model from");
        }
        if (data.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + name + " has discrete actions (field 'actionType' = "
                    + data.schema().actionType() + "); '" + algorithm + "' needs continuous doses: use 'ogsrl' for "
                    + "discrete actions");
        }
        if (data.schema().stateType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + name + " has discrete states (field 'stateType' = "
                    + data.schema().stateType() + "); '" + algorithm + "' needs continuous state features: use "
                    + "'ogsrl' for discrete states");
        }
        int s = data.schema().stateWidth();
        int a = data.schema().actionWidth();
        if (s < 1 || a < 1) {
            throw new IllegalArgumentException("Dataset " + name + " has " + s + " state features and " + a
                    + " actions; '" + algorithm + "' needs at least one of each");
        }
        boolean anyTransition = false;
        for (Episode e : data.episodes()) {
            double[][] states = ((ContinuousStates) e.states()).values();
            double[][] actions = ((ContinuousActions) e.actions()).values();
            anyTransition |= e.steps() >= 2;
            for (int t = 0; t < e.steps(); t++) {
                if (states[t].length != s) {
                    throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                            + ": the state has " + states[t].length + " features; the schema has " + s);
                }
                if (actions[t].length != a) {
                    throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                            + ": the action has " + actions[t].length + " values; the schema has " + a);
                }
                for (int f = 0; f < s; f++) {
                    if (Double.isInfinite(states[t][f])) {
                        throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                                + ": feature '" + data.schema().features().get(f).name() + "' is " + states[t][f]
                                + "; states must be finite (NaN marks a missing value, imputed by the training mean)");
                    }
                }
                for (int j = 0; j < a; j++) {
                    if (!Double.isFinite(actions[t][j])) {
                        throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                                + ": action '" + data.schema().actions().get(j).name() + "' is " + actions[t][j]
                                + "; doses must be finite numbers (0 for none given)");
                    }
                }
                if (data.schema().hasRewards() && !Double.isFinite(e.reward(t))) {
                    throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                            + ": field 'reward' is " + e.reward(t) + "; rewards must be finite");
                }
                if (data.schema().hasCosts() && !(Double.isFinite(e.cost(t)) && e.cost(t) >= 0)) {
                    throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                            + ": field 'cost' is " + e.cost(t) + "; costs must be finite and non-negative");
                }
            }
        }
        if (!anyTransition) {
            throw new IllegalArgumentException("Dataset " + name + " has no episode of two or more steps; '"
                    + algorithm + "' needs logged transitions for its nearest-neighbour model");
        }
    }
}
