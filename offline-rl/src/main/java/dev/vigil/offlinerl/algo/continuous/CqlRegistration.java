package dev.vigil.offlinerl.algo.continuous;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The continuous CQL family's registry names and default configs ({@code AlgorithmRegistry.defaults()} registers
 * each as a {@link ContinuousCqlAlgorithm}). Three names, all one learner with different default configs:
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
}
