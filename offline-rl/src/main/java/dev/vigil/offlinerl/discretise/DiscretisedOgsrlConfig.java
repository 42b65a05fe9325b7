package dev.vigil.offlinerl.discretise;

import dev.vigil.offlinerl.algo.AlgorithmConfig;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;
import dev.vigil.offlinerl.objective.TrainingRewards;

/**
 * {@code ogsrl} on any dataset: the tabular OGSRL config plus how continuous data is discretised.
 *
 * @param ogsrl the tabular OGSRL config, used unchanged on the discretised (or already discrete) data
 * @param clusters k of the k-means states, >= 1 (default 750, as the AI Clinician); only for continuous states
 * @param kmeansIterations the most Lloyd iterations, >= 1 (default 100)
 * @param costRuleSet the shipped rule set that computes costs when the data has none and its schema fits
 *     (default {@code sepsis-bedside}; {@code ogsrl-sepsis} for OGSRL's two rules, or {@code <id>:<rule>,...},
 *     see {@code CostRuleSets}); {@code none} to train without costs
 * @param survivalReward terminal reward of a survivor when the data has no rewards, finite (default +1)
 * @param deathReward terminal reward of a death when the data has no rewards, finite (default -1)
 * @param reward training reward when the data has no reward column ({@link TrainingRewards}): {@code outcome}
 *     (default: the terminal outcome only, as the AI Clinician), {@code sofa} (OGSRL's per-step SOFA reward plus the
 *     outcome, on continuous data with the SOFA columns, before discretisation) or {@code auto} ({@code sofa} when
 *     the data has the columns)
 * @param seed seeds k-means++ (one {@link java.util.SplittableRandom})
 */
public record DiscretisedOgsrlConfig(OgsrlConfig ogsrl, int clusters, int kmeansIterations, String costRuleSet,
        double survivalReward, double deathReward, String reward, long seed) implements AlgorithmConfig {

    public DiscretisedOgsrlConfig {
        if (ogsrl == null) {
            throw new IllegalArgumentException("ogsrl must hold the tabular OGSRL config (e.g. OgsrlConfig.defaults())");
        }
        if (clusters < 1) {
            throw new IllegalArgumentException("clusters must be at least 1 (750 as the AI Clinician; fewer for small "
                    + "datasets); got " + clusters);
        }
        if (kmeansIterations < 1) {
            throw new IllegalArgumentException("kmeansIterations must be at least 1 (e.g. 100); got "
                    + kmeansIterations);
        }
        if (costRuleSet == null || costRuleSet.isBlank()) {
            throw new IllegalArgumentException("costRuleSet must name a shipped rule set (e.g. 'sepsis-bedside') or "
                    + "be 'none'");
        }
        if (!Double.isFinite(survivalReward) || !Double.isFinite(deathReward)) {
            throw new IllegalArgumentException("survivalReward and deathReward must be finite (e.g. +1 and -1); got "
                    + survivalReward + " and " + deathReward);
        }
        TrainingRewards.validate(reward);
    }

    /** Logged steps per k-means cluster that {@link #forData} aims for. */
    public static final int STEPS_PER_CLUSTER = 100;

    /** The AI Clinician's number of clusters, the most {@link #forData} chooses. */
    public static final int AI_CLINICIAN_CLUSTERS = 750;

    /**
     * The defaults around a given tabular config with k chosen for the data: {@code steps / 100}, between 1 and 750.
     * Why: 750 clusters suit the AI Clinician's ~250,000 blocs; on a few thousand blocs most of 750 clusters hold
     * fewer logged steps than OGSRL's {@code minCount} needs to trust any dose bin there, and the policy falls back
     * to the clinicians' most frequent action almost everywhere. About 100 steps per cluster leaves several of the
     * 25 dose bins in support per cluster. Our rule, not the AI Clinician's; the chosen k is in the provenance.
     */
    public static DiscretisedOgsrlConfig forData(OgsrlConfig ogsrl, long steps) {
        long k = Math.max(1, Math.min(AI_CLINICIAN_CLUSTERS, steps / STEPS_PER_CLUSTER));
        return of(ogsrl).withClusters((int) k);
    }

    /** Tabular defaults, 750 clusters, 100 iterations, sepsis-bedside costs, outcome rewards +1 / -1, seed 0. */
    public static DiscretisedOgsrlConfig defaults() {
        return of(OgsrlConfig.defaults());
    }

    /** The defaults around a given tabular config, with its seed. */
    public static DiscretisedOgsrlConfig of(OgsrlConfig ogsrl) {
        return new DiscretisedOgsrlConfig(ogsrl, 750, 100, "sepsis-bedside", 1, -1, TrainingRewards.OUTCOME,
                ogsrl.seed());
    }

    /** A copy with another number of clusters. */
    public DiscretisedOgsrlConfig withClusters(int k) {
        return new DiscretisedOgsrlConfig(ogsrl, k, kmeansIterations, costRuleSet, survivalReward, deathReward,
                reward, seed);
    }

    /** A copy with another seed. */
    public DiscretisedOgsrlConfig withSeed(long newSeed) {
        return new DiscretisedOgsrlConfig(ogsrl, clusters, kmeansIterations, costRuleSet, survivalReward, deathReward,
                reward, newSeed);
    }

    /** A copy with another training reward and cost rule set (see the fields). */
    public DiscretisedOgsrlConfig withObjective(String newReward, String newCostRuleSet) {
        return new DiscretisedOgsrlConfig(ogsrl, clusters, kmeansIterations, newCostRuleSet, survivalReward,
                deathReward, newReward, seed);
    }

    /** A copy around another tabular config. */
    public DiscretisedOgsrlConfig withOgsrl(OgsrlConfig newOgsrl) {
        return new DiscretisedOgsrlConfig(newOgsrl, clusters, kmeansIterations, costRuleSet, survivalReward,
                deathReward, reward, seed);
    }
}
