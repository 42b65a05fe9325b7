package dev.vigil.offlinerl.algo;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ContinuousCqlAlgorithm;
import dev.vigil.offlinerl.algo.continuous.CqlContinuousConfig;
import dev.vigil.offlinerl.algo.continuous.CqlRegistration;
import dev.vigil.offlinerl.algo.continuous.ModelBasedConfig;
import dev.vigil.offlinerl.algo.continuous.ModelBasedOptimizer;
import dev.vigil.offlinerl.algo.tabular.BcConfig;
import dev.vigil.offlinerl.algo.tabular.BehaviourCloning;
import dev.vigil.offlinerl.algo.tabular.CqlConfig;
import dev.vigil.offlinerl.algo.tabular.DiscreteCql;
import dev.vigil.offlinerl.discretise.DiscretisedOgsrl;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Algorithms by name, with their config records; what the command line and the API train through. */
public final class AlgorithmRegistry {

    private final Map<String, RegisteredAlgorithm<?>> algorithms = new LinkedHashMap<>();

    /** The algorithms that write checkpoints and resume from them (see {@link OfflineAlgorithm#checkpoints()}). */
    public static final List<String> CHECKPOINTING = java.util.Arrays.stream(ModelBasedOptimizer.Variant.values())
            .map(v -> new ModelBasedOptimizer(v).name()).toList();

    /** An empty registry. */
    public AlgorithmRegistry() {
    }

    /**
     * {@code bc} and {@code cql} (tabular) and {@code ogsrl} with their default configs. {@code ogsrl} takes every
     * dataset kind: discrete data goes to tabular OGSRL unchanged, continuous data is discretised first
     * ({@link DiscretisedOgsrl}). {@code mb-trpo}, {@code gmb-trpo}, {@code mb-cpo}, {@code gmb-cpo} and
     * {@code glagrangian} ({@link ModelBasedOptimizer}) need continuous states and actions and return a continuous
     * policy through {@link RegisteredAlgorithm#fitPolicy}.
     */
    public static AlgorithmRegistry defaults() {
        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.register(new RegisteredAlgorithm<>(new BehaviourCloning(), BcConfig.class, BcConfig.defaults()));
        registry.register(new RegisteredAlgorithm<>(new DiscreteCql(), CqlConfig.class, CqlConfig.defaults()));
        registry.register(DiscretisedOgsrl.registered());
        for (String name : CqlRegistration.names()) {
            registry.register(new RegisteredAlgorithm<>(new ContinuousCqlAlgorithm(name), CqlContinuousConfig.class,
                    CqlRegistration.defaults(name)));
        }
        for (ModelBasedOptimizer.Variant variant : ModelBasedOptimizer.Variant.values()) {
            registry.register(new RegisteredAlgorithm<>(new ModelBasedOptimizer(variant), ModelBasedConfig.class,
                    ModelBasedConfig.defaults()));
        }
        return registry;
    }

    /**
     * @throws IllegalArgumentException when the name is taken
     */
    public void register(RegisteredAlgorithm<?> algorithm) {
        if (algorithms.containsKey(algorithm.name())) {
            throw new IllegalArgumentException("An algorithm named '" + algorithm.name() + "' is already registered; "
                    + "choose another name");
        }
        algorithms.put(algorithm.name(), algorithm);
    }

    /** The registered names, in registration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(algorithms.keySet());
    }

    /**
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public RegisteredAlgorithm<?> get(String name) {
        RegisteredAlgorithm<?> algorithm = algorithms.get(name);
        if (algorithm == null) {
            throw new IllegalArgumentException("Unknown algorithm '" + name + "'; known algorithms are "
                    + String.join(", ", algorithms.keySet()));
        }
        return algorithm;
    }

    /** Fits the algorithm a config file names, with the file's fields over the defaults. */
    public TrainedPolicy fit(Path configFile, TrajectoryDataset data, TrainingListener listener) {
        AlgorithmConfigs.ConfigFile file = AlgorithmConfigs.read(configFile);
        return get(file.algorithm()).fit(data, file.fields(), configFile.toString(), listener);
    }

    /** Like {@link #fit(Path, TrajectoryDataset, TrainingListener)} for any policy kind. */
    public FittedPolicy fitPolicy(Path configFile, TrajectoryDataset data, TrainingListener listener) {
        AlgorithmConfigs.ConfigFile file = AlgorithmConfigs.read(configFile);
        return get(file.algorithm()).fitPolicy(data, file.fields(), configFile.toString(), listener);
    }
}
