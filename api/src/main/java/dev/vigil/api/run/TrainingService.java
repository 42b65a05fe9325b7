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
import dev.vigil.offlinerl.algo.FittedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
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

    /** Runs started over HTTP train one at a time: the machine's cores go to the one running. */
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "vigil-training");
                thread.setDaemon(true);
                return thread;
            });

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        background.shutdownNow();
    }

    /** Records the run and trains it on the background thread; follow it through {@link RunService}. */
    public TrainingRun beginInBackground(Prepared prepared, String createdBy) {
        TrainingRun run = begin(prepared, createdBy);
        background.submit(() -> {
            try {
                complete(prepared, run, TrainingListener.NONE);
            } catch (RuntimeException e) {
                // complete() recorded the failure on the run; nothing else to do on this thread.
            }
        });
        return run;
    }

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
        if (configFile == null) {
            return prepare(algorithmName, datasetIdOrPrefix, null, "defaults of " + algorithmName, seed);
        }
        AlgorithmConfigs.ConfigFile file = AlgorithmConfigs.read(configFile);
        if (!algorithmName.equals(file.algorithm())) {
            throw new IllegalArgumentException(configFile + " configures '" + file.algorithm() + "', not '"
                    + algorithmName + "': use --algo " + file.algorithm() + " or another file");
        }
        return prepare(algorithmName, datasetIdOrPrefix, file.fields(), configFile.toString(), seed);
    }

    /**
     * As {@link #prepare(String, String, Path, long)} with the config's fields given directly (null: defaults).
     *
     * @param source where the fields came from, for error messages
     */
    public Prepared prepare(String algorithmName, String datasetIdOrPrefix, ObjectNode configFields, String source,
            long seed) {
        RegisteredAlgorithm<?> algorithm = registry.get(algorithmName);
        ObjectNode fields = configFields == null ? JsonNodeFactory.instance.objectNode() : configFields.deepCopy();
        fields.put("seed", seed);
        AlgorithmConfig config = algorithm.config(fields, source);
        DatasetRecord record = datasets.resolve(datasetIdOrPrefix);
        return new Prepared(algorithm, record, datasets.load(record), fields, source, AlgorithmConfigs.toJson(config),
                seed);
    }

    /** Trains and records; returns the finished run. */
    public TrainingRun train(Prepared prepared, String createdBy, TrainingListener progress) {
        return complete(prepared, begin(prepared, createdBy), progress);
    }

    /** Records the run as started (so that it can be followed) without training yet. */
    public TrainingRun begin(Prepared prepared, String createdBy) {
        return runs.start(prepared.algorithm().name(), prepared.dataset().getId(), prepared.configJson(),
                prepared.seed(), createdBy);
    }

    /** Trains a begun run, recording metrics as they come and the policy or the failure at the end. */
    public TrainingRun complete(Prepared prepared, TrainingRun run, TrainingListener progress) {
        try {
            FittedPolicy fitted = prepared.algorithm().fitPolicy(prepared.data(), prepared.fields(),
                    prepared.configSource(), (iteration, metrics) -> {
                        runs.recordMetrics(run.getId(), iteration, metrics);
                        progress.onIteration(iteration, metrics);
                    });
            byte[] stored;
            if (fitted instanceof FittedPolicy.Continuous continuous) {
                stored = ContinuousPolicyDocument.of(continuous.policy(), prepared.data().schema()).toJson();
            } else {
                // A policy learned on continuous data carries its state clusters and dose bins, without which its
                // table cannot be applied to a patient: store it whole.
                var policy = ((FittedPolicy.Discrete) fitted).policy();
                stored = policy instanceof DiscretisedPolicy discretised
                        ? discretised.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : PolicyDocument.of(policy).toJson();
            }
            return runs.succeeded(run.getId(), stored,
                    prepared.algorithm().name() + " policy for dataset " + prepared.dataset().getName());
        } catch (RuntimeException e) {
            runs.failed(run.getId(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }
}
