/**
 * Off-policy evaluation of discrete-action policies from logged episodes: importance sampling
 * (trajectory-wise and per-decision, plain and self-normalised), fitted-Q evaluation, doubly robust
 * estimators, effective sample size, seeded bootstrap intervals with a lower bound for model selection, and
 * the behaviour policy estimated from data with a reported epsilon floor.
 *
 * <p>Each estimator is a one-method {@link dev.vigil.offlinerl.ope.OpeEstimator} returning an
 * {@link dev.vigil.offlinerl.ope.OpeResult} whose per-episode terms the bootstrap resamples. Formulas, as
 * implemented, are in {@code docs/ope.md}; golden tests check them against hand-computed values and against
 * exact values of tabular MDPs, because published OPE code has been wrong before.
 */
package dev.vigil.offlinerl.ope;
