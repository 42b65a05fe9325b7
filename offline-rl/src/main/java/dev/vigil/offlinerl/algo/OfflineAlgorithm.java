package dev.vigil.offlinerl.algo;

import dev.vigil.ingestion.dataset.TrajectoryDataset;

/**
 * Learns a policy from logged trajectories only (no interaction with the environment).
 *
 * <p>Implementations validate the dataset and the config before any training and answer bad input with an
 * {@link IllegalArgumentException} that names the field and says how to fix it.
 *
 * @param <C> the algorithm's config record
 */
public interface OfflineAlgorithm<C extends AlgorithmConfig> {

    /** The registry name, e.g. {@code bc}, {@code cql} or {@code ogsrl}. */
    String name();

    /**
     * @param listener receives metrics per iteration; use {@link TrainingListener#NONE} to ignore them
     * @throws IllegalArgumentException when the dataset does not suit the algorithm (empty, wrong state or action
     *     type, non-finite rewards or costs) or the config is null
     */
    TrainedPolicy fit(TrajectoryDataset data, C config, TrainingListener listener);
}
