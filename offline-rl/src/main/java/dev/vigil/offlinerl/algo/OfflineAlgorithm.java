package dev.vigil.offlinerl.algo;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ModelBasedTrainer;

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

    /**
     * Fits and returns whichever kind of policy the algorithm learns. Discrete algorithms keep this default (their
     * {@link #fit}); continuous ones ({@code mb-trpo}, {@code gmb-cpo}, ...) override it, and their {@link #fit}
     * refuses with a message pointing here.
     */
    default FittedPolicy fitPolicy(TrajectoryDataset data, C config, TrainingListener listener) {
        return new FittedPolicy.Discrete(fit(data, config, listener));
    }

    /**
     * Whether {@link #fitPolicy(TrajectoryDataset, AlgorithmConfig, TrainingListener, ModelBasedTrainer.Checkpointing)}
     * writes checkpoints and resumes from them. The iterative model-based learners do (their runs are long); the
     * tabular and discretised ones finish in seconds to minutes and do not.
     */
    default boolean checkpoints() {
        return false;
    }

    /**
     * As {@link #fitPolicy(TrajectoryDataset, AlgorithmConfig, TrainingListener)}, writing checkpoints to
     * {@code checkpointing}'s store and, when it says so, resuming from the latest one.
     *
     * @throws IllegalArgumentException when checkpoints are asked of an algorithm that does not write them
     */
    default FittedPolicy fitPolicy(TrajectoryDataset data, C config, TrainingListener listener,
            ModelBasedTrainer.Checkpointing checkpointing) {
        if (checkpointing.store() != null) {
            throw new IllegalArgumentException("'" + name() + "' does not write checkpoints (it trains in one pass); "
                    + "checkpoints and resume are for " + String.join(", ", AlgorithmRegistry.CHECKPOINTING));
        }
        return fitPolicy(data, config, listener);
    }
}
