/**
 * The contract every offline RL algorithm in Vigil follows: a validated config record, a thin
 * {@link dev.vigil.offlinerl.algo.OfflineAlgorithm} that fits a
 * {@link dev.vigil.offlinerl.algo.TrainedPolicy} on a trajectory dataset, per-iteration metrics through a
 * {@link dev.vigil.offlinerl.algo.TrainingListener}, and the provenance (dataset hash, config hash, code
 * version) that makes a policy traceable. The {@link dev.vigil.offlinerl.algo.AlgorithmRegistry} maps names
 * such as {@code bc}, {@code cql} and {@code ogsrl} to algorithms and loads their configs from JSON or YAML.
 *
 * <p>Plain Java: no framework beyond Jackson for reading config files. See {@code docs/algorithms.md}.
 */
package dev.vigil.offlinerl.algo;
