/**
 * Learners over continuous states and actions (continuous CQL and its guarded/resampled variants, model-based
 * TRPO/CPO with and without the OOD guardian, the guarded Lagrangian) and the policy they produce: a
 * {@link dev.vigil.offlinerl.algo.continuous.ContinuousPolicy} whose network is a
 * {@link dev.vigil.offlinerl.algo.continuous.MlpSnapshot}, runnable in plain Java and exportable to ONNX.
 */
package dev.vigil.offlinerl.algo.continuous;
