package dev.vigil.offlinerl.algo.continuous;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import dev.vigil.offlinerl.algo.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Registry glue for the continuous CQL family, kept in one place until the algorithm contract can return a
 * {@link ContinuousPolicy} ({@code OfflineAlgorithm} returns the tabular {@code TrainedPolicy}). Three names, all
 * one learner with different default configs:
 *
 * <ul>
 *   <li>{@code cql-continuous}: {@link CqlContinuousConfig#cql()}</li>
 *   <li>{@code ccql}: {@link CqlContinuousConfig#ccql()} (action-balanced minibatches)</li>
 *   <li>{@code gcql}: {@link CqlContinuousConfig#gcql()} (guardian penalty, beta 1)</li>
 * </ul>
 *
 * Config files use {@link AlgorithmConfigs}' format ({@code algorithm: gcql}, {@code config: {...}}); unknown fields
 * are refused with the list of known ones.
 */
public final class CqlRegistration {

    private static final Map<String, CqlContinuousConfig> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("cql-continuous", CqlContinuousConfig.cql());
        PRESETS.put("ccql", CqlContinuousConfig.ccql());
        PRESETS.put("gcql", CqlContinuousConfig.gcql());
    }

    private CqlRegistration() {
    }

    /** {@code cql-continuous}, {@code ccql}, {@code gcql}. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(PRESETS.keySet());
    }

    /** Whether {@code name} is one of {@link #names()}. */
    public static boolean handles(String name) {
        return PRESETS.containsKey(name);
    }

    /**
     * Whether the tabular {@code cql} should hand this dataset to {@code cql-continuous}: it has continuous actions
     * (the tabular learner refuses those).
     */
    public static boolean wantsContinuous(TrajectoryDataset data) {
        return data != null && !data.schema().actionType().isDiscrete();
    }

    /**
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static CqlContinuousConfig defaults(String name) {
        CqlContinuousConfig config = PRESETS.get(name);
        if (config == null) {
            throw new IllegalArgumentException("Unknown continuous CQL algorithm '" + name + "'; known are "
                    + String.join(", ", PRESETS.keySet()));
        }
        return config;
    }

    /** The defaults of {@code name} with {@code fields} replaced (unknown or invalid fields refused). */
    public static CqlContinuousConfig config(String name, ObjectNode fields, String source) {
        return AlgorithmConfigs.withFields(defaults(name), CqlContinuousConfig.class, fields, source);
    }

    /** Fits {@code name} with its defaults overridden by {@code fields}. */
    public static CqlPolicy fit(String name, TrajectoryDataset data, ObjectNode fields, String source,
            TrainingListener listener) {
        return new CqlLearner(name).fit(data, config(name, fields, source), listener);
    }

    /** Fits the algorithm a config file names (one of {@link #names()}). */
    public static CqlPolicy fit(Path configFile, TrajectoryDataset data, TrainingListener listener) {
        AlgorithmConfigs.ConfigFile file = AlgorithmConfigs.read(configFile);
        return fit(file.algorithm(), data, file.fields(), configFile.toString(), listener);
    }
}
