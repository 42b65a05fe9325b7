package dev.vigil.offlinerl.algo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ModelBasedTrainer;

/**
 * An algorithm with its config type and default config, as the registry holds it.
 *
 * @param algorithm the algorithm; its {@link OfflineAlgorithm#name()} is the registry name
 * @param configType the config record's class, for reading config files
 * @param defaults the config used for every field a config file leaves out
 */
public record RegisteredAlgorithm<C extends AlgorithmConfig>(OfflineAlgorithm<C> algorithm, Class<C> configType,
        C defaults) {

    public RegisteredAlgorithm {
        if (algorithm == null || configType == null || defaults == null) {
            throw new IllegalArgumentException("A registered algorithm needs the algorithm, its config type and its "
                    + "default config");
        }
    }

    /** The registry name. */
    public String name() {
        return algorithm.name();
    }

    /** The defaults with {@code fields} replaced; see {@link AlgorithmConfigs#withFields}. */
    public C config(ObjectNode fields, String source) {
        return AlgorithmConfigs.withFields(defaults, configType, fields, source);
    }

    /** As {@link #fitPolicy(TrajectoryDataset, ObjectNode, String, TrainingListener)}, with checkpoints. */
    public FittedPolicy fitPolicy(TrajectoryDataset data, ObjectNode fields, String source,
            TrainingListener listener, ModelBasedTrainer.Checkpointing checkpointing) {
        return algorithm.fitPolicy(data, config(fields, source), listener, checkpointing);
    }

    /** Fits with the defaults overridden by {@code fields}. */
    public TrainedPolicy fit(TrajectoryDataset data, ObjectNode fields, String source, TrainingListener listener) {
        return algorithm.fit(data, config(fields, source), listener);
    }

    /** Fits with the defaults overridden by {@code fields}; any policy kind (see {@link FittedPolicy}). */
    public FittedPolicy fitPolicy(TrajectoryDataset data, ObjectNode fields, String source,
            TrainingListener listener) {
        return algorithm.fitPolicy(data, config(fields, source), listener);
    }
}
