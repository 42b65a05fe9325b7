package dev.vigil.worldmodel.survival.deep;

import java.util.List;

/**
 * How a DeepSurv run went.
 *
 * @param trainingLoss per epoch, Breslow negative log partial likelihood per event on the training split, with
 *     dropout, before that epoch's step
 * @param validationLoss per epoch, the same on the validation split without dropout, after the step (empty
 *     without a validation split)
 * @param bestEpoch the epoch (1-based) whose weights were kept: the lowest validation loss, or the last epoch
 * @param stoppedEarly whether patience ran out before maxEpochs
 * @param trainSize subjects in the training split
 * @param validationSize subjects in the validation split
 */
public record TrainingHistory(List<Double> trainingLoss, List<Double> validationLoss, int bestEpoch,
        boolean stoppedEarly, int trainSize, int validationSize) {

    public TrainingHistory {
        trainingLoss = List.copyOf(trainingLoss);
        validationLoss = List.copyOf(validationLoss);
    }

    /** Epochs run. */
    public int epochs() {
        return trainingLoss.size();
    }
}
