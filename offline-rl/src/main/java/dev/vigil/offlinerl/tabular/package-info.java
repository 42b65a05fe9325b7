/**
 * Tabular Markov decision processes with exact answers: a validated MDP type (loaded from CSV tables or
 * built in code), value iteration, exact policy evaluation and seeded simulation into a
 * {@link dev.vigil.ingestion.dataset.TrajectoryDataset}.
 *
 * <p>Exists so that off-policy estimators can be checked against the true value of a policy, which only
 * a tabular model gives; see {@code docs/ope.md}.
 */
package dev.vigil.offlinerl.tabular;
