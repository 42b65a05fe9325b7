package dev.vigil.api.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.AlgorithmConfig;
import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import dev.vigil.offlinerl.algo.AlgorithmRegistry;
import dev.vigil.offlinerl.algo.RegisteredAlgorithm;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * Trains a registered algorithm on a recorded dataset and records the run: config, seed and code version
 * first, metrics per iteration as they come, the policy at the end. The config is validated before a run is
 * recorded; a run that fails keeps its reason.
 */
@ApplicationScoped
public class TrainingService {

    private final AlgorithmRegistry registry = AlgorithmRegistry.defaults();

    @Inject
    DatasetService datasets;

    @Inject
    RunService runs;

    /** Everything a run needs, checked. */
    public record Prepared(RegisteredAlgorithm<?> algorithm, DatasetRecord dataset, TrajectoryDataset data,
            ObjectNode fields, String configSource, String configJson, long seed) {
    }

    /**
     * Resolves the algorithm and the dataset and validates the config, without training.
     *
     * @param configFile a JSON or YAML config file naming the same algorithm, or null for the defaults
     * @throws IllegalArgumentException naming what is wrong (unknown algorithm or field, bad value, no dataset)
     */
    public Prepared prepare(String algorithmName, String datasetIdOrPrefix, Path configFile, long seed) {
        RegisteredAlgorithm<?> algorithm = registry.get(algorithmName);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String source = "defaults of " + algorithm.name();
        if (configFile != null) {
            AlgorithmConfigs.ConfigFile file = AlgorithmConfigs.read(configFile);
            if (!algorithm.name().equals(file.algorithm())) {
                throw new IllegalArgumentException(configFile + " configures '" + file.algorithm() + "', not '"
                        + algorithm.name() + "': use --algo " + file.algorithm() + " or another file");
            }
            fields = file.fields().deepCopy();
            source = configFile.toString();
        }
        fields.put("seed", seed);
        AlgorithmConfig config = algorithm.config(fields, source);
        DatasetRecord record = datasets.resolve(datasetIdOrPrefix);
        return new Prepared(algorithm, record, datasets.load(record), fields, source, AlgorithmConfigs.toJson(config),
                seed);
    }

    /** Trains and records; returns the finished run. */
    public TrainingRun train(Prepared prepared, String createdBy, TrainingListener progress) {
        TrainingRun run = runs.start(prepared.algorithm().name(), prepared.dataset().getId(), prepared.configJson(),
                prepared.seed(), createdBy);
        try {
            TrainedPolicy policy = prepared.algorithm().fit(prepared.data(), prepared.fields(), prepared.configSource(),
                    (iteration, metrics) -> {
                        runs.recordMetrics(run.getId(), iteration, metrics);
                        progress.onIteration(iteration, metrics);
                    });
            return runs.succeeded(run.getId(), PolicyDocument.of(policy).toJson(),
                    prepared.algorithm().name() + " policy for dataset " + prepared.dataset().getName());
        } catch (RuntimeException e) {
            runs.failed(run.getId(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }
}
