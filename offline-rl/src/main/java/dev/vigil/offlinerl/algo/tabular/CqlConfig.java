package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.offlinerl.algo.AlgorithmConfig;

/**
 * Discrete CQL on a Q table: fitted Q iteration with the CQL(H) regulariser
 * {@code alpha * (logsumexp_a Q(s, a) - Q(s, a_data))} (Kumar et al., Conservative Q-Learning for Offline RL,
 * NeurIPS 2020, eq. 4). The exact update is in {@link CqlUpdate}.
 *
 * @param alpha weight of the regulariser, finite and >= 0 (default 1, as in the OGSRL paper's CQL baseline);
 *     0 gives plain fitted Q iteration
 * @param discount gamma in (0, 1] (default 0.99, the sepsis literature's planning discount)
 * @param learningRate step size eta in (0, 1] (default 0.5); each state's step is divided by its visit count
 * @param iterations full-batch updates, >= 1 (default 500)
 * @param policy greedy (default) or softmax over Q
 * @param temperature softmax temperature, > 0 (default 1); ignored when greedy
 * @param cutOffHorizon the horizon H at which episodes were cut off: steps at decision H-1 have a censored
 *     outcome (cut off or ended, the data cannot say) and are left out of the TD loss; 0 (default) when no
 *     episode was cut off
 * @param seed recorded for provenance; the full-batch update draws no random numbers
 */
public record CqlConfig(double alpha, double discount, double learningRate, int iterations, PolicyForm policy,
        double temperature, int cutOffHorizon, long seed) implements AlgorithmConfig {

    public CqlConfig {
        if (!(alpha >= 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be finite and >= 0 (e.g. 1); got " + alpha);
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1] (e.g. 0.99); got " + discount);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1] (e.g. 0.5); larger steps diverge; got "
                    + learningRate);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1 (e.g. 500); got " + iterations);
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must be GREEDY or SOFTMAX");
        }
        if (!(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature must be finite and > 0 (e.g. 1); got " + temperature);
        }
        if (cutOffHorizon < 0) {
            throw new IllegalArgumentException("cutOffHorizon must be >= 0 (0 = no episode was cut off, else the "
                    + "horizon, e.g. 20); got " + cutOffHorizon);
        }
    }

    /** alpha 1, discount 0.99, learning rate 0.5, 500 iterations, greedy, temperature 1, no cut-off, seed 0. */
    public static CqlConfig defaults() {
        return new CqlConfig(1, 0.99, 0.5, 500, PolicyForm.GREEDY, 1, 0, 0);
    }
}
