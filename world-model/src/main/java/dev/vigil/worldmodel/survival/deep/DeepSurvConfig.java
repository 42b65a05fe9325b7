package dev.vigil.worldmodel.survival.deep;

import java.util.List;

/**
 * Settings of a DeepSurv training run.
 *
 * @param hiddenLayers widths of the hidden layers (ReLU, each followed by dropout)
 * @param dropout probability of dropping a hidden unit while training, in [0, 1)
 * @param l2 weight decay added to every parameter's gradient (L2 penalty l2/2 |w|^2), &gt;= 0
 * @param learningRate Adam step size
 * @param maxEpochs full-batch epochs at most
 * @param patience stop after this many epochs without a better validation loss
 * @param validationFraction share of subjects held out for early stopping, in [0, 0.5]; 0 = no early stopping
 * @param seed seeds the split, the initial weights and the dropout masks
 */
public record DeepSurvConfig(List<Integer> hiddenLayers, double dropout, double l2, double learningRate,
        int maxEpochs, int patience, double validationFraction, long seed) {

    public DeepSurvConfig {
        hiddenLayers = List.copyOf(hiddenLayers);
        if (hiddenLayers.isEmpty() || hiddenLayers.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("hiddenLayers " + hiddenLayers
                    + ": need at least one layer, widths >= 1");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout " + dropout + " must be in [0, 1)");
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 " + l2 + " must be >= 0");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate " + learningRate + " must be > 0");
        }
        if (maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("maxEpochs " + maxEpochs + " and patience " + patience
                    + " must be >= 1");
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validationFraction " + validationFraction + " must be in [0, 0.5]");
        }
    }

    /** Two hidden layers of 32, dropout 0.1, l2 1e-4, Adam 1e-2, at most 300 epochs, patience 30, 20 % validation. */
    public static DeepSurvConfig defaults(long seed) {
        return new DeepSurvConfig(List.of(32, 32), 0.1, 1e-4, 1e-2, 300, 30, 0.2, seed);
    }
}
