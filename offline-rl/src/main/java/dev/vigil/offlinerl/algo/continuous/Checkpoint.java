package dev.vigil.offlinerl.algo.continuous;

import java.util.Map;

/**
 * The state of a model-based run after an iteration: enough to continue it exactly, plus the policy as a snapshot so
 * a report can pick the best checkpoint (e.g. by an OPE lower bound) without re-running anything.
 *
 * <p>Randomness: iteration {@code i} draws from a generator seeded by {@code (seed, i)} alone, so the iteration
 * number is the whole RNG state. Optimiser: the value nets' Adam moments and step counts are stored and restored;
 * TRPO/CPO keep no optimiser state between iterations.
 *
 * @param configJson the run's config as canonical JSON: a resume with another config is refused
 * @param iteration the last completed iteration (1-based)
 * @param policyParameters the Gaussian policy's flat parameters (mean MLP, then log-stds)
 * @param value value-net parameters and Adam state ({@link ValueNetwork#state()})
 * @param costValue cost-value-net parameters and Adam state
 * @param lambdaCost the Lagrange multiplier of the cost constraint ({@code glagrangian}; else 0)
 * @param lambdaOod the Lagrange multiplier of the OOD constraint ({@code glagrangian}; else 0)
 * @param policy the policy mean network with its dataset scaling
 * @param metrics the iteration's metrics (meanReturn, meanCost, oodRate, ...)
 */
public record Checkpoint(String configJson, int iteration, double[] policyParameters, double[][] value,
        double[][] costValue, double lambdaCost, double lambdaOod, MlpSnapshot policy, Map<String, Double> metrics) {

    public Checkpoint {
        if (configJson == null || iteration < 1 || policyParameters == null || value == null || costValue == null
                || policy == null) {
            throw new IllegalArgumentException("A checkpoint needs the config, an iteration >= 1, the policy and "
                    + "both value nets");
        }
        metrics = Map.copyOf(metrics == null ? Map.of() : metrics);
    }
}
