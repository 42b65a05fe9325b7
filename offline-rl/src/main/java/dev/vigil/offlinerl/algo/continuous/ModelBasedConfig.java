package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.AlgorithmConfig;
import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import dev.vigil.offlinerl.objective.CostRuleSets;
import dev.vigil.offlinerl.objective.SofaStepReward;
import dev.vigil.offlinerl.objective.TrainingRewards;
import java.util.List;
import java.util.Map;

/**
 * Config of the model-based optimisers {@code mb-trpo}, {@code gmb-trpo}, {@code mb-cpo}, {@code gmb-cpo} and
 * {@code glagrangian} (OGSRL as released, methods.md section 1). One record for all five: whether the guardian
 * enforces is fixed by the algorithm's name, not by a field; TRPO ignores the cost fields except to report them, and
 * only {@code glagrangian} reads {@code dualLearningRate} and {@code oodProbabilityLimit}.
 *
 * @param iterations policy updates (released: 20,000; default {@value #DEFAULT_ITERATIONS}, chosen so a default
 *     {@code gmb-cpo} run on a 10,000-patient cohort ends within 15 minutes on 2 cores, docs/benchmarks.md)
 * @param episodesPerIteration model rollouts per update, >= 2 (32)
 * @param horizon steps per rollout, >= 1 (20)
 * @param hiddenUnits width of each hidden layer of the policy and value nets, >= 1 (128)
 * @param hiddenLayers hidden layers, >= 1 (2)
 * @param logStdInit initial log standard deviation of the policy on the [-1, 1] action scale (-0.5)
 * @param discount gamma in (0, 1] (0.99)
 * @param gaeLambda GAE lambda in [0, 1] (0.95)
 * @param maxKl trust region, > 0 (0.01)
 * @param cgIterations conjugate-gradient iterations, >= 1 (10)
 * @param cgDamping damping added to the Fisher, >= 0 (1.0 as released)
 * @param lineSearchSteps backtracking steps, >= 1 (30)
 * @param lineSearchDecay shrink factor per backtrack, in (0, 1) (0.8)
 * @param valueLearningRate Adam learning rate of the value and cost-value nets, > 0 (1e-3)
 * @param valueEpochs passes over each batch when fitting the value nets, >= 1 (5)
 * @param valueBatchSize mini-batch size of the value fits, >= 1 (64)
 * @param costBudget limit on the expected undiscounted cost per episode, >= 0 (0.5)
 * @param oodPenalty reward of a step the guardian flags (guarded variants), finite (-25)
 * @param oodCost cost of a flagged step (guarded variants), >= 0 (1)
 * @param kdeSigma bandwidth of the Gaussian KDE guardian on the scaled (state, action), > 0 (0.535)
 * @param kdePercentile the guardian's threshold percentile of the training densities, in [0, 100] (5)
 * @param costRuleSet rule set computing model-step costs when the data has no cost column
 *     ({@code sepsis-bedside}); {@code ogsrl-sepsis} for OGSRL's two rules, {@code <id>:<rule>,...} for some
 *     rules of a shipped set, {@code none} for no costs ({@link CostRuleSets})
 * @param reward training reward when the data has no reward column: {@code auto} (default; {@code sofa} when
 *     the data has the SOFA columns, else {@code outcome}), {@code outcome} (terminal survival / death only) or
 *     {@code sofa} (OGSRL's per-step SOFA reward plus the outcome, {@link SofaStepReward}); see
 *     {@link TrainingRewards}
 * @param survivalReward terminal reward of a survivor when the data has no rewards (+1)
 * @param deathReward terminal reward of a death when the data has no rewards (-1)
 * @param dualLearningRate step of the dual ascent on both multipliers ({@code glagrangian}), > 0 (0.05)
 * @param oodProbabilityLimit limit on the share of rollouts with an OOD step ({@code glagrangian}), in [0, 1]
 *     (0.05)
 * @param behaviourCloningSteps Adam steps (mini-batches of 256 logged pairs) fitting the policy mean to the
 *     clinicians' logged doses before the first iteration, >= 0 (default {@value #DEFAULT_BEHAVIOUR_CLONING_STEPS});
 *     0 starts at the logged median dose everywhere, as before ({@link BehaviourCloning})
 * @param environmentModel what the policy is rolled out through: {@value #NEAREST_NEIGHBOUR} (default; OGSRL as
 *     released: the 1-nearest-neighbour model, which only ever returns logged states) or {@value #ENSEMBLE} (a
 *     probabilistic dynamics ensemble trained on the data with DJL, {@link EnsembleEnvironment}, which predicts
 *     unlogged states too, so the guardian judges where the policy's doses lead; needs a reward computable from the
 *     predicted state, {@code reward: sofa})
 * @param disagreementPercentile 0 (default): the guarded learners' guardian is the KDE alone; above 0 (needs
 *     {@value #ENSEMBLE}): they also flag a (state, dose) where the dynamics ensemble's members disagree about the
 *     next state more than at this percentile of held-out logged points, so that the policy avoids the model's own
 *     inventions as well as unlogged doses ({@link dev.vigil.safety.guardian.EnsembleDisagreementGuardian}), in
 *     [0, 100]
 * @param afterOod what a guarded rollout does at a step the guardian flags: {@value #FREEZE} (default; OGSRL as
 *     released: the penalty and cost are paid for every step left and the rollout ends there) or {@value #CONTINUE}
 *     (the step pays the penalty and cost once, in place of the model's reward and cost, and the rollout goes on, so
 *     that the update sees how the policy acts once a patient has left the support; {@link RolloutSampler})
 * @param seed seeds the networks, the rollouts, the value fits and (with {@value #ENSEMBLE}) the dynamics training
 */
public record ModelBasedConfig(int iterations, int episodesPerIteration, int horizon, int hiddenUnits,
        int hiddenLayers, double logStdInit, double discount, double gaeLambda, double maxKl, int cgIterations,
        double cgDamping, int lineSearchSteps, double lineSearchDecay, double valueLearningRate, int valueEpochs,
        int valueBatchSize, double costBudget, double oodPenalty, double oodCost, double kdeSigma,
        double kdePercentile, String costRuleSet, String reward, double survivalReward, double deathReward,
        double dualLearningRate, double oodProbabilityLimit, int behaviourCloningSteps, String environmentModel,
        double disagreementPercentile, String afterOod, long seed) implements AlgorithmConfig {

    /** Default policy updates: see the field's documentation. */
    public static final int DEFAULT_ITERATIONS = 150;

    /** {@code environmentModel}: OGSRL's 1-nearest-neighbour model. */
    public static final String NEAREST_NEIGHBOUR = "nearest-neighbour";
    /** {@code environmentModel}: a probabilistic dynamics ensemble. */
    public static final String ENSEMBLE = "ensemble";
    /** The accepted values of {@code environmentModel}. */
    public static final List<String> ENVIRONMENT_MODELS = List.of(NEAREST_NEIGHBOUR, ENSEMBLE);

    /** {@code afterOod}: a guarded rollout ends at its first OOD step, paying for the steps left. */
    public static final String FREEZE = "freeze";
    /** {@code afterOod}: a guarded rollout pays for an OOD step and goes on. */
    public static final String CONTINUE = "continue";
    /** The accepted values of {@code afterOod}. */
    public static final List<String> AFTER_OOD = List.of(FREEZE, CONTINUE);

    /** Default behaviour-cloning steps: see the field's documentation. */
    public static final int DEFAULT_BEHAVIOUR_CLONING_STEPS = 2000;

    public ModelBasedConfig {
        atLeast("iterations", iterations, 1);
        atLeast("episodesPerIteration", episodesPerIteration, 2);
        atLeast("horizon", horizon, 1);
        atLeast("hiddenUnits", hiddenUnits, 1);
        atLeast("hiddenLayers", hiddenLayers, 1);
        atLeast("cgIterations", cgIterations, 1);
        atLeast("lineSearchSteps", lineSearchSteps, 1);
        atLeast("valueEpochs", valueEpochs, 1);
        atLeast("valueBatchSize", valueBatchSize, 1);
        atLeast("behaviourCloningSteps", behaviourCloningSteps, 0);
        finite("logStdInit", logStdInit);
        finite("oodPenalty", oodPenalty);
        finite("survivalReward", survivalReward);
        finite("deathReward", deathReward);
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount is " + discount + "; use a value in (0, 1], e.g. 0.99");
        }
        if (!(gaeLambda >= 0 && gaeLambda <= 1)) {
            throw new IllegalArgumentException("gaeLambda is " + gaeLambda + "; use a value in [0, 1], e.g. 0.95");
        }
        positive("maxKl", maxKl);
        positive("valueLearningRate", valueLearningRate);
        positive("kdeSigma", kdeSigma);
        positive("dualLearningRate", dualLearningRate);
        nonNegative("cgDamping", cgDamping);
        nonNegative("costBudget", costBudget);
        nonNegative("oodCost", oodCost);
        if (!(lineSearchDecay > 0 && lineSearchDecay < 1)) {
            throw new IllegalArgumentException("lineSearchDecay is " + lineSearchDecay + "; use a value in (0, 1),"
                    + " e.g. 0.8");
        }
        if (!(kdePercentile >= 0 && kdePercentile <= 100)) {
            throw new IllegalArgumentException("kdePercentile is " + kdePercentile + "; use a percentile in [0, 100],"
                    + " e.g. 5");
        }
        if (!(oodProbabilityLimit >= 0 && oodProbabilityLimit <= 1)) {
            throw new IllegalArgumentException("oodProbabilityLimit is " + oodProbabilityLimit + "; use a share in "
                    + "[0, 1], e.g. 0.05");
        }
        if (costRuleSet == null || costRuleSet.isBlank()) {
            throw new IllegalArgumentException("costRuleSet must name a shipped rule set (e.g. 'sepsis-bedside') or "
                    + "be 'none'");
        }
        TrainingRewards.validate(reward);
        if (!ENVIRONMENT_MODELS.contains(environmentModel)) {
            throw new IllegalArgumentException("environmentModel is '" + environmentModel + "'; use one of "
                    + ENVIRONMENT_MODELS);
        }
        if (!(disagreementPercentile >= 0 && disagreementPercentile <= 100)) {
            throw new IllegalArgumentException("disagreementPercentile is " + disagreementPercentile + "; use 0 (off) "
                    + "or a percentile in (0, 100], e.g. 5");
        }
        if (disagreementPercentile > 0 && !ENSEMBLE.equals(environmentModel)) {
            throw new IllegalArgumentException("disagreementPercentile is " + disagreementPercentile + " but "
                    + "environmentModel is '" + environmentModel + "': only the '" + ENSEMBLE + "' model has members "
                    + "to disagree; set environmentModel: " + ENSEMBLE + " or disagreementPercentile: 0");
        }
        if (!AFTER_OOD.contains(afterOod)) {
            throw new IllegalArgumentException("afterOod is '" + afterOod + "'; use one of " + AFTER_OOD);
        }
    }

    /** The released hyper-parameters with {@value #DEFAULT_ITERATIONS} iterations and seed 0. */
    public static ModelBasedConfig defaults() {
        return new ModelBasedConfig(DEFAULT_ITERATIONS, 32, 20, 128, 2, -0.5, 0.99, 0.95, 0.01, 10, 1.0, 30, 0.8,
                1e-3, 5, 64, 0.5, -25, 1, 0.535, 5, "sepsis-bedside", TrainingRewards.AUTO, 1, -1, 0.05, 0.05,
                DEFAULT_BEHAVIOUR_CLONING_STEPS, NEAREST_NEIGHBOUR, 0, FREEZE, 0);
    }

    /** A copy with other iterations and seed. */
    public ModelBasedConfig with(int newIterations, long newSeed) {
        return AlgorithmConfigs.copyWith(this, Map.of("iterations", newIterations, "seed", newSeed));
    }

    /** A copy with another network width and cost budget (tests and small experiments). */
    public ModelBasedConfig withNetwork(int units, int layers, int episodes, double budget) {
        return AlgorithmConfigs.copyWith(this, Map.of("hiddenUnits", units, "hiddenLayers", layers,
                "episodesPerIteration", episodes, "costBudget", budget));
    }

    /**
     * A copy with another training reward and cost rule set (see the fields).
     *
     * @throws IllegalArgumentException for an unknown reward or a blank rule set
     */
    public ModelBasedConfig withObjective(String newReward, String newCostRuleSet) {
        return AlgorithmConfigs.copyWith(this, Map.of("reward", newReward, "costRuleSet", newCostRuleSet));
    }

    /** A copy with another trust region. */
    public ModelBasedConfig withMaxKl(double kl) {
        return AlgorithmConfigs.copyWith(this, Map.of("maxKl", kl));
    }

    /**
     * A copy whose training guardian flags below another percentile of the logged densities (a stricter guardian
     * keeps the guarded learners further inside the data's support).
     */
    public ModelBasedConfig withKdePercentile(double percentile) {
        return AlgorithmConfigs.copyWith(this, Map.of("kdePercentile", percentile));
    }

    /** A copy with another number of behaviour-cloning steps (0: start at the median logged dose). */
    public ModelBasedConfig withBehaviourCloningSteps(int steps) {
        return AlgorithmConfigs.copyWith(this, Map.of("behaviourCloningSteps", steps));
    }

    /** A copy rolled out through another environment model ({@link #ENVIRONMENT_MODELS}). */
    public ModelBasedConfig withEnvironmentModel(String model) {
        return AlgorithmConfigs.copyWith(this, Map.of("environmentModel", model));
    }

    /**
     * A copy whose guarded learners also flag where the dynamics ensemble disagrees beyond this percentile (0: off;
     * see the field).
     */
    public ModelBasedConfig withDisagreementPercentile(double percentile) {
        return AlgorithmConfigs.copyWith(this, Map.of("disagreementPercentile", percentile));
    }

    /** A copy whose guarded rollouts do {@code mode} ({@link #AFTER_OOD}) at a flagged step. */
    public ModelBasedConfig withAfterOod(String mode) {
        return AlgorithmConfigs.copyWith(this, Map.of("afterOod", mode));
    }

    /** Whether a guarded rollout goes on after a flagged step. */
    public boolean continuesAfterOod() {
        return CONTINUE.equals(afterOod);
    }

    /** Hidden widths, e.g. {128, 128}. */
    public int[] hidden() {
        int[] h = new int[hiddenLayers];
        java.util.Arrays.fill(h, hiddenUnits);
        return h;
    }

    TrustRegionUpdate.Settings trustRegion() {
        return new TrustRegionUpdate.Settings(maxKl, cgDamping, cgIterations, lineSearchSteps, lineSearchDecay);
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " is " + value + "; use at least " + min);
        }
    }

    private static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " is " + value + "; use a finite number");
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " is " + value + "; use a finite number > 0");
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " is " + value + "; use a finite number >= 0");
        }
    }
}
