/**
 * AI-Clinician discretisation in front of tabular OGSRL, so that {@code --algo ogsrl} trains on every dataset
 * kind: k-means states ({@link dev.vigil.offlinerl.discretise.StateClusters}), per-action dose bins (bin 0 = none,
 * bins 1-4 = quartiles of the non-zero doses; {@link dev.vigil.offlinerl.discretise.DoseBins}), per-step costs from
 * a rule set when the data has none ({@link dev.vigil.offlinerl.discretise.DerivedCosts}), and the terminal outcome
 * reward or OGSRL's SOFA reward when the data has none ({@link dev.vigil.offlinerl.objective.TrainingRewards}).
 * {@link dev.vigil.offlinerl.discretise.DiscretisedOgsrl} dispatches: discrete data goes to tabular OGSRL unchanged.
 * See {@code docs/algorithms.md}, section "ogsrl on continuous data".
 */
package dev.vigil.offlinerl.discretise;
