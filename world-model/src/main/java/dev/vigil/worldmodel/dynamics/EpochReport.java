package dev.vigil.worldmodel.dynamics;

/**
 * Mean losses over one training epoch (each term unweighted; total is the weighted sum that was minimised).
 *
 * @param epoch 1-based epoch number
 * @param total weighted loss
 * @param ct mean squared CT error
 * @param bce mask binary cross-entropy
 * @param dice mask soft Dice loss
 * @param kl KL divergence of the posterior from the prior, summed over noise dimensions
 */
public record EpochReport(int epoch, double total, double ct, double bce, double dice, double kl) {}
