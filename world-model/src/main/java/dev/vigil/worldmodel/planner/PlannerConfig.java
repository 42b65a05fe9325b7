package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;

/**
 * How to plan.
 *
 * @param simulationsPerPlan K stochastic simulations per protocol (default 4), at least 1; with an ensemble of M
 *     dynamics models they are shared out round-robin (member m runs the draws k with k mod M = m), and every
 *     member runs at least one, so a plan costs max(K, M) simulations
 * @param seed seeds the simulation noise (the same noise draws for every protocol)
 * @param provider ONNX Runtime execution provider (auto, cuda, cpu)
 * @param keepImagesForTop mean simulated post images are kept for this many best plans (default 5)
 * @param beamWidth 0 = rank every valid protocol; more = MeWM-style beam search of that width
 * @param disagreementWeight plans are ranked by mean risk + this x the standard deviation of the ensemble
 *     members' mean risks (pessimism toward protocols the members disagree on); 0 (default) ranks by the mean
 */
public record PlannerConfig(int simulationsPerPlan, long seed, ExecutionProviderChoice provider, int keepImagesForTop,
        int beamWidth, double disagreementWeight) {

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
        if (!(disagreementWeight >= 0) || Double.isInfinite(disagreementWeight)) {
            throw new IllegalArgumentException("disagreementWeight must be a finite number >= 0, got "
                    + disagreementWeight);
        }
    }

    /** Ranking by the mean risk (no disagreement penalty). */
    public PlannerConfig(int simulationsPerPlan, long seed, ExecutionProviderChoice provider, int keepImagesForTop,
            int beamWidth) {
        this(simulationsPerPlan, seed, provider, keepImagesForTop, beamWidth, 0);
    }

    /** K = 4, seed 42, provider auto, images for the top 5, every valid protocol, ranked by the mean risk. */
    public static PlannerConfig defaults() {
        return new PlannerConfig(4, 42, ExecutionProviderChoice.AUTO, 5, 0, 0);
    }

    /** This configuration with another disagreement weight. */
    public PlannerConfig withDisagreementWeight(double weight) {
        return new PlannerConfig(simulationsPerPlan, seed, provider, keepImagesForTop, beamWidth, weight);
    }

    /** Simulations ensemble member {@code member} of {@code members} runs per plan (round-robin share of K). */
    public int drawsForMember(int member, int members) {
        int draws = simulationsPerPlan / members + (member < simulationsPerPlan % members ? 1 : 0);
        return Math.max(1, draws);
    }
}
