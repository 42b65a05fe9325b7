/**
 * Dynamics models for model-based offline RL (OGSRL, methods.md section 1) and guarded model rollouts.
 *
 * <ul>
 *   <li>{@link dev.vigil.offlinerl.dynamics.DynamicsData}: turns a continuous
 *       {@link dev.vigil.ingestion.dataset.TrajectoryDataset} into scaled episodes (NaN imputed by the
 *       training mean, flagged), the one input every model here learns from.</li>
 *   <li>{@link dev.vigil.offlinerl.dynamics.EnvironmentModel}: one step of simulated dynamics in scaled
 *       space; implemented by the paper's 1-nearest-neighbour model
 *       ({@link dev.vigil.offlinerl.dynamics.NearestNeighbourModel}) and by a probabilistic MLP ensemble
 *       trained with DJL ({@link dev.vigil.offlinerl.dynamics.GaussianEnsembleTrainer},
 *       {@link dev.vigil.offlinerl.dynamics.GaussianEnsembleModel}; saved with
 *       {@link dev.vigil.offlinerl.dynamics.EnsembleModelFormat}).</li>
 *   <li>{@link dev.vigil.offlinerl.dynamics.GuardedRollout}: rolls a policy through a model under an
 *       {@link dev.vigil.safety.guardian.OodGuardian}; an out-of-distribution step is penalised and freezes
 *       the episode. Rewards and costs come from the caller, so no clinical rule lives here.</li>
 * </ul>
 *
 * <p>Only the trainer touches DJL; a trained ensemble predicts in plain Java. See docs/dynamics.md.
 */
package dev.vigil.offlinerl.dynamics;
