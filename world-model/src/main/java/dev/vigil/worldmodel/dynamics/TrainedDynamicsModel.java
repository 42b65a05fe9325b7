package dev.vigil.worldmodel.dynamics;

import java.util.List;

/**
 * A trained dynamics model with what is needed to reproduce it.
 *
 * @param weights the parameters
 * @param config the training configuration
 * @param dataHash SHA-256 (hex) of the training samples, in the order given
 * @param sampleCount number of training samples
 * @param history losses per epoch
 */
public record TrainedDynamicsModel(DynamicsWeights weights, TrainingConfig config, String dataHash,
        int sampleCount, List<EpochReport> history) {

    public TrainedDynamicsModel {
        history = List.copyOf(history);
    }
}
