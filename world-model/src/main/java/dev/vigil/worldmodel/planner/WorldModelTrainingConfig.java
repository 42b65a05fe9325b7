package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.dynamics.DynamicsArchitecture;
import dev.vigil.worldmodel.dynamics.TrainingConfig;

/**
 * How to train a world model: the dynamics network's sizes and training, and the scorer (always a Cox fit).
 *
 * @param architecture dynamics network sizes; its size is the crop size the bundle serves
 * @param dynamics dynamics training (seed, epochs, batch, learning rate, loss weights)
 */
public record WorldModelTrainingConfig(DynamicsArchitecture architecture, TrainingConfig dynamics) {

    public WorldModelTrainingConfig {
        if (architecture == null || dynamics == null) {
            throw new IllegalArgumentException("architecture and dynamics training config must be given");
        }
    }

    /** Stride-4 network with 16 channels for {@code size}^3 crops, the dynamics defaults with the given epochs. */
    public static WorldModelTrainingConfig defaults(int size, int epochs, long seed) {
        TrainingConfig d = TrainingConfig.defaults(seed);
        return new WorldModelTrainingConfig(new DynamicsArchitecture(size, 4, 16, 32, 8),
                new TrainingConfig(seed, epochs, d.batchSize(), d.learningRate(), d.ctWeight(), d.diceWeight(),
                        d.klWeight()));
    }

    /** Canonical text of the configuration (hashed into the bundle manifest). */
    public String canonical() {
        return architecture + " " + dynamics;
    }
}
