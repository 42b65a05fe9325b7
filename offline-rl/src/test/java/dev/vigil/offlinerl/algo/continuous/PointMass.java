package dev.vigil.offlinerl.algo.continuous;

/**
 * A 1-D point mass on [-1, 1]: {@code x' = clip(x + 0.5 a)}, reward {@code -(x' - 0.6)^2} (optimal: move to 0.6
 * and stay), cost 1 per step with {@code x' > 0.3} (the unconstrained optimum pays it every step).
 */
final class PointMass implements LineEnvironment {

    static final double[][] START = {{-0.5}};

    @Override
    public StepOutcome step(double[] previousState, double[] state, double[] action) {
        double next = Math.max(-1, Math.min(1, state[0] + 0.5 * action[0]));
        return new StepOutcome(new double[] {next}, -(next - 0.6) * (next - 0.6), next > 0.3 ? 1 : 0, false);
    }

    /** Small nets and short runs: test speed. */
    static ModelBasedConfig config(int iterations, double budget, long seed) {
        ModelBasedConfig d = ModelBasedConfig.defaults();
        return new ModelBasedConfig(iterations, 16, 8, 16, 1, -1.5, 0.99, 0.95, 0.02, 10, 0.1, 20, 0.8, 1e-2, 3,
                32, budget, -25, 1, d.kdeSigma(), d.kdePercentile(), "none", "outcome", 1, -1, 0.5, 0.05, 0,
                ModelBasedConfig.NEAREST_NEIGHBOUR, 0, ModelBasedConfig.FREEZE, seed);
    }
}
