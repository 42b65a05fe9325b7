package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.AlgorithmConfig;
import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import dev.vigil.offlinerl.objective.TrainingRewards;
import java.util.Map;

/**
 * Continuous CQL (a DDPG actor-critic with the CQL(H) penalty, as the OGSRL paper's CQL baseline) and its two
 * variants: CCQL when {@code actionBalanced}, GCQL when {@code guardianWeight > 0}. The registry names
 * {@code cql-continuous}, {@code ccql} and {@code gcql} are presets of this one record (see {@link CqlRegistration}).
 *
 * @param alpha weight of the CQL penalty, finite, >= 0 (default 1, the paper's); 0 gives plain offline DDPG
 * @param guardianWeight beta, weight of the actor's guardian surrogate penalty, finite, >= 0 (0 for CQL and CCQL,
 *     1 for GCQL)
 * @param actionBalanced whether minibatches are drawn so that every 5x5 dose bin is equally likely (CCQL)
 * @param minBinCount the cap of the action-balanced resampling, >= 1 (default 50): a bin with fewer transitions
 *     is drawn as if its transitions were each as likely as those of a bin of {@code minBinCount}, so no
 *     transition is repeated more often than one in a bin of that size
 * @param discount gamma in (0, 1] (default 0.99)
 * @param tau Polyak rate of the target networks in (0, 1] (default 0.001, the paper's)
 * @param actorLearningRate Adam step size of the actor, > 0 (default 1e-4, the paper's)
 * @param criticLearningRate Adam step size of the critic, > 0 (default 1e-4, the paper's)
 * @param batchSize transitions per minibatch, >= 1 (default 32, the paper's)
 * @param gradientSteps critic-and-actor updates, >= 1 (default 20,000)
 * @param hiddenWidth units of each hidden layer, >= 1 (default 128, as the paper's policy net)
 * @param hiddenLayers hidden layers of the actor and the critic, >= 1 (default 2; ReLU)
 * @param uniformSamples actions drawn uniformly from [-1, 1]^A per state for the penalty's log-sum-exp, >= 1
 *     (default 10)
 * @param policySamples noisy actor actions per state for the log-sum-exp, >= 0 (default 10)
 * @param policyNoise std of the Gaussian noise on those actor actions, on the [-1, 1] action scale, >= 0
 *     (default 0.1); the noisy actions are clipped to [-1, 1]
 * @param fillMissingStates whether missing state values (NaN, flagged missing by ingestion) are replaced by the
 *     feature's training mean (default true); false refuses them
 * @param survivalReward terminal reward of a survivor when the data has no rewards, finite (default +1)
 * @param deathReward terminal reward of a death when the data has no rewards, finite (default -1)
 * @param reward training reward when the data has no reward column: {@code auto} (default: {@code sofa} when the
 *     data has the SOFA columns, else {@code outcome}), {@code outcome} or {@code sofa} ({@link TrainingRewards})
 * @param kdeSigma bandwidth of the GCQL guardian's Gaussian kernel on the scaled (state, action), > 0
 *     (default 0.535, OGSRL's)
 * @param guardianPercentile percentile of the training points' densities below which a point is OOD, in [0, 100]
 *     (default 5, OGSRL's)
 * @param guardianReferencePoints training (state, action) pairs the differentiable surrogate sums its kernel
 *     over, >= 1 (default 1024; all pairs when fewer)
 * @param calibrationHeldOut share of episodes held out to measure the guardian's coverage, in (0, 1) (default 0.2)
 * @param seed the one seed of the run (weights, minibatches, sampled actions, guardian calibration split)
 */
public record CqlContinuousConfig(double alpha, double guardianWeight, boolean actionBalanced, int minBinCount,
        double discount, double tau, double actorLearningRate, double criticLearningRate, int batchSize,
        int gradientSteps, int hiddenWidth, int hiddenLayers, int uniformSamples, int policySamples,
        double policyNoise, boolean fillMissingStates, double survivalReward, double deathReward, String reward, double kdeSigma,
        double guardianPercentile, int guardianReferencePoints, double calibrationHeldOut, long seed)
        implements AlgorithmConfig {

    public CqlContinuousConfig {
        requireNonNegative(alpha, "alpha", "1; 0 for plain offline DDPG");
        requireNonNegative(guardianWeight, "guardianWeight", "1 for GCQL, 0 for CQL");
        requireAtLeastOne(minBinCount, "minBinCount", "50");
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1] (e.g. 0.99); got " + discount);
        }
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in (0, 1] (e.g. 0.001); got " + tau);
        }
        requirePositive(actorLearningRate, "actorLearningRate", "1e-4");
        requirePositive(criticLearningRate, "criticLearningRate", "1e-4");
        requireAtLeastOne(batchSize, "batchSize", "32");
        requireAtLeastOne(gradientSteps, "gradientSteps", "20000");
        requireAtLeastOne(hiddenWidth, "hiddenWidth", "128");
        requireAtLeastOne(hiddenLayers, "hiddenLayers", "2");
        requireAtLeastOne(uniformSamples, "uniformSamples", "10");
        if (policySamples < 0) {
            throw new IllegalArgumentException("policySamples must be >= 0 (e.g. 10); got " + policySamples);
        }
        requireNonNegative(policyNoise, "policyNoise", "0.1");
        if (!Double.isFinite(survivalReward) || !Double.isFinite(deathReward)) {
            throw new IllegalArgumentException("survivalReward and deathReward must be finite (e.g. +1 and -1); got "
                    + survivalReward + " and " + deathReward);
        }
        TrainingRewards.validate(reward);
        requirePositive(kdeSigma, "kdeSigma", "0.535");
        if (!(guardianPercentile >= 0 && guardianPercentile <= 100)) {
            throw new IllegalArgumentException("guardianPercentile must be in [0, 100] (e.g. 5); got "
                    + guardianPercentile);
        }
        requireAtLeastOne(guardianReferencePoints, "guardianReferencePoints", "1024");
        if (!(calibrationHeldOut > 0 && calibrationHeldOut < 1)) {
            throw new IllegalArgumentException("calibrationHeldOut must be in (0, 1) (e.g. 0.2); got "
                    + calibrationHeldOut);
        }
    }

    /** CQL as the paper's baseline: alpha 1, tau 0.001, Adam 1e-4, batch 32, no resampling, no guardian term. */
    public static CqlContinuousConfig cql() {
        return new CqlContinuousConfig(1, 0, false, 50, 0.99, 0.001, 1e-4, 1e-4, 32, 20_000, 128, 2, 10, 10, 0.1,
                true, 1, -1, TrainingRewards.AUTO, 0.535, 5, 1024, 0.2, 0);
    }

    /** CCQL: {@link #cql()} with action-balanced minibatches. */
    public static CqlContinuousConfig ccql() {
        return cql().withActionBalanced(true);
    }

    /** GCQL: {@link #cql()} with the guardian penalty, beta 1. */
    public static CqlContinuousConfig gcql() {
        return cql().withGuardianWeight(1);
    }

    /** Whether the GCQL guardian is fitted and its surrogate penalises the actor. */
    public boolean guarded() {
        return guardianWeight > 0;
    }

    public CqlContinuousConfig withAlpha(double value) {
        return AlgorithmConfigs.copyWith(this, Map.of("alpha", value));
    }

    public CqlContinuousConfig withGuardianWeight(double value) {
        return AlgorithmConfigs.copyWith(this, Map.of("guardianWeight", value));
    }

    public CqlContinuousConfig withActionBalanced(boolean value) {
        return AlgorithmConfigs.copyWith(this, Map.of("actionBalanced", value));
    }

    /** A copy with another training length and network size (experiments and tests use small ones). */
    public CqlContinuousConfig withTraining(int steps, int width, double actorRate, double criticRate, double newTau) {
        return AlgorithmConfigs.copyWith(this, Map.of("gradientSteps", steps, "hiddenWidth", width,
                "actorLearningRate", actorRate, "criticLearningRate", criticRate, "tau", newTau));
    }

    public CqlContinuousConfig withGuardian(double sigma, double percentile) {
        return AlgorithmConfigs.copyWith(this, Map.of("kdeSigma", sigma, "guardianPercentile", percentile));
    }

    public CqlContinuousConfig withFillMissingStates(boolean value) {
        return AlgorithmConfigs.copyWith(this, Map.of("fillMissingStates", value));
    }

    /** A copy with another training reward ({@code auto}, {@code outcome} or {@code sofa}). */
    public CqlContinuousConfig withReward(String value) {
        return AlgorithmConfigs.copyWith(this, Map.of("reward", value));
    }

    public CqlContinuousConfig withSeed(long value) {
        return AlgorithmConfigs.copyWith(this, Map.of("seed", value));
    }

    private static void requireNonNegative(double value, String field, String example) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(field + " must be finite and >= 0 (e.g. " + example + "); got " + value);
        }
    }

    private static void requirePositive(double value, String field, String example) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(field + " must be finite and > 0 (e.g. " + example + "); got " + value);
        }
    }

    private static void requireAtLeastOne(int value, String field, String example) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1 (e.g. " + example + "); got " + value);
        }
    }
}
