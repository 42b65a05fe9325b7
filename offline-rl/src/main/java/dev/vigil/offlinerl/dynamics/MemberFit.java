package dev.vigil.offlinerl.dynamics;

/**
 * How one ensemble member trained.
 *
 * @param member the member's index
 * @param seed the member's own seed (initial weights, bootstrap, batch order)
 * @param epochs epochs run before early stopping (or {@code maxEpochs})
 * @param bestEpoch the epoch whose weights were kept (1-based; the last epoch without a holdout)
 * @param bestHoldoutNll the held-out mean Gaussian negative log-likelihood per feature (standardised
 *     deltas, constant dropped) of the kept weights; NaN without a holdout
 */
public record MemberFit(int member, long seed, int epochs, int bestEpoch, double bestHoldoutNll) {}
