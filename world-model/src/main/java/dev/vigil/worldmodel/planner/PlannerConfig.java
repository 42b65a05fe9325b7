package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;

/**
 * How to plan.
 *
 * @param simulationsPerPlan K stochastic simulations per protocol (default 4), at least 1
 * @param seed seeds the simulation noise (the same K noise draws for every protocol)
 * @param provider ONNX Runtime execution provider (auto, cuda, cpu)
 * @param keepImagesForTop mean simulated post images are kept for this many best plans (default 5)
 * @param beamWidth 0 = rank every valid protocol; more = MeWM-style beam search of that width
 */
public record PlannerConfig(int simulationsPerPlan, long seed, ExecutionProviderChoice provider, int keepImagesForTop,
        int beamWidth) {

    public PlannerConfig {
        if (simulationsPerPlan < 1) {
            throw new IllegalArgumentException("simulationsPerPlan must be at least 1, got " + simulationsPerPlan);
        }
        if (provider == null) {
            throw new IllegalArgumentException("provider must be given (auto, cuda or cpu)");
        }
        if (keepImagesForTop < 0) {
            throw new IllegalArgumentException("keepImagesForTop must be >= 0, got " + keepImagesForTop);
        }
        if (beamWidth < 0) {
            throw new IllegalArgumentException("beamWidth must be >= 0 (0 = every valid protocol), got " + beamWidth);
        }
    }

    /** K = 4, seed 42, provider auto, images for the top 5, every valid protocol. */
    public static PlannerConfig defaults() {
        return new PlannerConfig(4, 42, ExecutionProviderChoice.AUTO, 5, 0);
    }
}
