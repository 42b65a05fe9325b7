package dev.vigil.ingestion.synth.sepsis;

import java.util.SplittableRandom;

/**
 * The ground truth of the synthetic sepsis cohort: a policy's value through the true dynamics, by
 * Monte-Carlo rollouts.
 *
 * <p>Episode k uses {@code EpisodeRandom.from(root.split())} for the k-th split of {@code new
 * SplittableRandom(seed)}, exactly as the cohort generator does for patient k. So with the same seed every
 * policy meets the same patients (common random numbers), and the clinician's value with the cohort's seed
 * and unsafe rate is the value of the behaviour policy that produced the cohort.
 */
public final class TrueValueEvaluator {

    private static final double Z95 = 1.959963984540054;

    private final EpisodeSimulator episodes;

    public TrueValueEvaluator() {
        this(new SepsisSimulator());
    }

    public TrueValueEvaluator(SepsisSimulator simulator) {
        this.episodes = new EpisodeSimulator(simulator);
    }

    /** Undiscounted value: {@link #estimatePolicyValue(SepsisPolicy, int, int, long, double)} with gamma 1. */
    public PolicyValue estimatePolicyValue(SepsisPolicy policy, int episodeCount, int horizon, long seed) {
        return estimatePolicyValue(policy, episodeCount, horizon, seed, 1.0);
    }

    /**
     * Runs {@code episodeCount} rollouts of {@code horizon} blocs and summarises return and mortality.
     *
     * @param horizon 1..18 blocs; the 90-day outcome is drawn from the state reached at the horizon
     * @param gamma discount in (0, 1]
     */
    public PolicyValue estimatePolicyValue(SepsisPolicy policy, int episodeCount, int horizon, long seed,
            double gamma) {
        if (policy == null) {
            throw new IllegalArgumentException("Pass a policy, e.g. SepsisPolicies.noTreatment()");
        }
        if (episodeCount < 2) {
            throw new IllegalArgumentException("A confidence interval needs at least 2 episodes, got " + episodeCount
                    + "; use 1000 or more for a useful estimate");
        }
        EpisodeSimulator.requireHorizon(horizon);
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1] (1 = undiscounted), got " + gamma);
        }
        DecisionMaker maker = DecisionMaker.of(policy);
        SplittableRandom root = new SplittableRandom(seed);
        double sum = 0;
        double sumSquares = 0;
        int deaths = 0;
        int windowDeaths = 0;
        long decisions = 0;
        long unsafe = 0;
        for (int k = 0; k < episodeCount; k++) {
            Episode episode = episodes.runDecisions(maker, EpisodeRandom.from(root.split()), horizon);
            double value = episode.discountedReturn(gamma);
            sum += value;
            sumSquares += value * value;
            deaths += episode.outcome().died() ? 1 : 0;
            windowDeaths += episode.diedInWindow() ? 1 : 0;
            decisions += episode.steps();
            unsafe += episode.unsafeDecisions();
        }
        double n = episodeCount;
        double mean = sum / n;
        double variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
        double half = Z95 * Math.sqrt(variance / n);
        double mortality = deaths / n;
        return new PolicyValue(episodeCount, horizon, seed, mean, gamma, new Interval(mean - half, mean + half),
                mortality, wilson(deaths, episodeCount), windowDeaths / n, decisions, unsafe);
    }

    /** Wilson score interval for a binomial proportion at 95 %. */
    static Interval wilson(int successes, int trials) {
        double p = (double) successes / trials;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z95 * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
