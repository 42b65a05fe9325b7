package dev.vigil.offlinerl.algo.continuous;

/**
 * Generalised advantage estimation (Schulman et al. 2016) for one episode:
 * {@code delta_t = r_t + gamma V(s_{t+1}) - V(s_t)}, {@code A_t = sum_k (gamma lambda)^k delta_{t+k}}, and the
 * value targets {@code A_t + V(s_t)}.
 */
public final class Gae {

    private Gae() {
    }

    /** Advantages and value targets of one episode, each {@code double[T]}. */
    public record Result(double[] advantages, double[] targets) {
    }

    /**
     * @param rewards {@code double[T]}
     * @param values {@code double[T + 1]}: V(s_0..s_T); {@code values[T]} is the bootstrap for the state after the
     *     last step and must be 0 when the episode ended there (terminal, or frozen by the guardian)
     */
    public static Result compute(double[] rewards, double[] values, double gamma, double lambda) {
        int n = rewards.length;
        if (values.length != n + 1) {
            throw new IllegalArgumentException("GAE needs T + 1 = " + (n + 1) + " values (the last is the bootstrap),"
                    + " got " + values.length);
        }
        double[] advantages = new double[n];
        double[] targets = new double[n];
        double running = 0;
        for (int t = n - 1; t >= 0; t--) {
            double delta = rewards[t] + gamma * values[t + 1] - values[t];
            running = delta + gamma * lambda * running;
            advantages[t] = running;
            targets[t] = running + values[t];
        }
        return new Result(advantages, targets);
    }
}
