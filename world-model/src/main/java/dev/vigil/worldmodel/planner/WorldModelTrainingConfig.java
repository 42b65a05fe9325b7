package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.dynamics.DynamicsArchitecture;
import dev.vigil.worldmodel.dynamics.TrainingConfig;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;

/**
 * How to train a world model: the dynamics network's sizes and training, how many dynamics models to train
 * (an ensemble), and how the scorer (always a Cox fit) is fitted.
 *
 * @param architecture dynamics network sizes; its size is the crop size the bundle serves
 * @param dynamics dynamics training (seed, epochs, batch, learning rate, loss weights); member i of the ensemble
 *     is trained with seed {@code dynamics.seed() + i}, everything else equal
 * @param ensembleSize number of dynamics models, at least 1
 * @param scorer the scorer's columns and post-treatment feature source ({@link ScorerSpec#defaults()})
 */
public record WorldModelTrainingConfig(DynamicsArchitecture architecture, TrainingConfig dynamics, int ensembleSize,
        ScorerSpec scorer) {

    /**
     * Default ensemble size, chosen on a validation split of the training patients (docs/results.md "MeWM"): three
     * members beat each of them alone (F1 0.642 vs 0.577-0.616, regret 27 vs 31-39 days) and five (0.546, 42 days),
     * at three times the training time of one model.
     */
    public static final int DEFAULT_ENSEMBLE_SIZE = 3;

    public WorldModelTrainingConfig {
        if (architecture == null || dynamics == null || scorer == null) {
            throw new IllegalArgumentException("architecture, dynamics training config and scorer spec must be given");
        }
        if (ensembleSize < 1) {
            throw new IllegalArgumentException("ensembleSize must be at least 1, got " + ensembleSize);
        }
    }

    /** The default scorer. */
    public WorldModelTrainingConfig(DynamicsArchitecture architecture, TrainingConfig dynamics, int ensembleSize) {
        this(architecture, dynamics, ensembleSize, ScorerSpec.defaults());
    }

    /** A single dynamics model, the default scorer. */
    public WorldModelTrainingConfig(DynamicsArchitecture architecture, TrainingConfig dynamics) {
        this(architecture, dynamics, 1);
    }

    /**
     * A 16^3 latent grid (stride size/16, at least 2; 64^3 gives the standard architecture), 16 channels, the
     * dynamics defaults with the given epochs, {@link #DEFAULT_ENSEMBLE_SIZE} members. A coarser grid (stride 4
     * at 32^3) could not place the shrunken tumour's edge: simulated volumes were 10 % too large on held-out
     * patients.
     */
    public static WorldModelTrainingConfig defaults(int size, int epochs, long seed) {
        TrainingConfig d = TrainingConfig.defaults(seed);
        int stride = Math.max(2, size / 16);
        return new WorldModelTrainingConfig(new DynamicsArchitecture(size, stride, 16, 32, 8),
                new TrainingConfig(seed, epochs, d.batchSize(), d.learningRate(), d.ctWeight(), d.diceWeight(),
                        d.klWeight(), d.tumourCtWeight(), d.interactionDecay()), DEFAULT_ENSEMBLE_SIZE);
    }

    /** This configuration with another ensemble size. */
    public WorldModelTrainingConfig withEnsembleSize(int size) {
        return new WorldModelTrainingConfig(architecture, dynamics, size, scorer);
    }

    /** This configuration with another scorer spec. */
    public WorldModelTrainingConfig withScorer(ScorerSpec spec) {
        return new WorldModelTrainingConfig(architecture, dynamics, ensembleSize, spec);
    }

    /**
     * How a {@link ScorerSpec.Source#SIMULATED} scorer simulates the training cases: the planner's default K = 4,
     * seeded with the dynamics seed, on the CPU.
     */
    public PlannerConfig scorerSimulation() {
        return new PlannerConfig(PlannerConfig.defaults().simulationsPerPlan(), dynamics.seed(),
                ExecutionProviderChoice.CPU, 0, 0);
    }

    /** The training configuration of ensemble member {@code i} (seed + i). */
    public TrainingConfig member(int i) {
        return dynamics.withSeed(dynamics.seed() + i);
    }

    /**
     * Canonical text of the configuration (hashed into the bundle manifest); a single model with the default
     * scorer has the text written before ensembles existed.
     */
    public String canonical() {
        return architecture + " " + dynamics + (ensembleSize == 1 ? "" : " ensembleSize=" + ensembleSize)
                + (scorer.equals(ScorerSpec.defaults()) ? "" : " scorer=" + scorer.label());
    }
}
