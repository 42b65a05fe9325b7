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
import dev.vigil.offlinerl.algo.continuous.CheckpointStore;
import dev.vigil.offlinerl.algo.continuous.DirectoryCheckpointStore;
import dev.vigil.offlinerl.algo.continuous.ModelBasedTrainer;
import dev.vigil.common.CodeVersion;
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

    /** Runs training in this process now: a resume of one of them is refused (it is not interrupted). */
    private final java.util.Set<String> training = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        background.shutdownNow();
    }

    /** Records the run and trains it on the background thread; follow it through {@link RunService}. */
    public TrainingRun beginInBackground(Prepared prepared, String createdBy) {
        return beginInBackground(prepared, createdBy, 0);
    }

    /** As {@link #beginInBackground(Prepared, String)}, with checkpoints (see {@link #train(Prepared, String,
     * TrainingListener, int)}). */
    public TrainingRun beginInBackground(Prepared prepared, String createdBy, int checkpointEvery) {
        requireCheckpointable(prepared, checkpointEvery);
        TrainingRun run = begin(prepared, createdBy);
        background.submit(() -> {
            try {
                complete(prepared, run, TrainingListener.NONE, checkpointing(run.getId(), checkpointEvery));
            } catch (RuntimeException e) {
                // complete() recorded the failure on the run; nothing else to do on this thread.
            }
        });
        return run;
    }

    /**
     * Checks that a run can be resumed (see {@link #resume}), marks it running and continues it on the background
     * thread.
     */
    public TrainingRun resumeInBackground(String runIdOrPrefix) {
        Resumption resumption = resumption(runIdOrPrefix);
        TrainingRun run = runs.resumed(resumption.run().getId());
        background.submit(() -> {
            try {
                complete(resumption.prepared(), run, TrainingListener.NONE, resumption.checkpointing());
            } catch (RuntimeException e) {
                // recorded on the run
            }
        });
        return run;
    }

    private ModelBasedTrainer.Checkpointing checkpointing(String runId, int every) {
        return every == 0 ? ModelBasedTrainer.Checkpointing.NONE
                : new ModelBasedTrainer.Checkpointing(checkpoints(runId), every, false);
    }

    @Inject
    DatasetService datasets;

    @Inject
    RunService runs;

    @Inject
    dev.vigil.api.config.VigilConfig config;

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
        return train(prepared, createdBy, progress, 0);
    }

    /**
     * Trains and records, with a checkpoint after every {@code checkpointEvery}-th iteration (0: none) in the run's
     * checkpoint directory, so that an interrupted run can be {@linkplain #resume resumed}.
     *
     * @throws IllegalArgumentException for a negative interval, or checkpoints asked of an algorithm without them
     */
    public TrainingRun train(Prepared prepared, String createdBy, TrainingListener progress, int checkpointEvery) {
        requireCheckpointable(prepared, checkpointEvery);
        TrainingRun run = begin(prepared, createdBy);
        return complete(prepared, run, progress, checkpointing(run.getId(), checkpointEvery));
    }

    private static void requireCheckpointable(Prepared prepared, int checkpointEvery) {
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be 0 (none) or a positive number of "
                    + "iterations; got " + checkpointEvery);
        }
        if (checkpointEvery > 0 && !prepared.algorithm().algorithm().checkpoints()) {
            throw new IllegalArgumentException("'" + prepared.algorithm().name() + "' does not write checkpoints (it "
                    + "trains in one pass); checkpoints and resume are for "
                    + String.join(", ", AlgorithmRegistry.CHECKPOINTING));
        }
    }

    /** Where a run's checkpoints are kept: {@code <data dir>/runs/<run id>/checkpoints}. */
    public Path checkpointDirectory(String runId) {
        return config.dataDir().resolve("runs").resolve(runId).resolve("checkpoints").toAbsolutePath().normalize();
    }

    private CheckpointStore checkpoints(String runId) {
        return new DirectoryCheckpointStore(checkpointDirectory(runId));
    }

    /**
     * Continues an interrupted or failed run from its latest checkpoint, with the run's own algorithm, dataset,
     * config and seed, and records it as the same run. Resuming is bit-identical to an uninterrupted run, so it is
     * refused when the code version differs from the one the run started with.
     *
     * @throws IllegalArgumentException when the run succeeded already, has no checkpoint, or was started by another
     *     code version
     */
    public TrainingRun resume(String runIdOrPrefix, TrainingListener progress) {
        Resumption resumption = resumption(runIdOrPrefix);
        return complete(resumption.prepared(), runs.resumed(resumption.run().getId()), progress,
                resumption.checkpointing());
    }

    private record Resumption(TrainingRun run, Prepared prepared, ModelBasedTrainer.Checkpointing checkpointing) {
    }

    private Resumption resumption(String runIdOrPrefix) {
        TrainingRun run = runs.resolve(runIdOrPrefix);
        if (training.contains(run.getId())) {
            throw new IllegalArgumentException("Run " + run.getId() + " is training now; there is nothing to resume");
        }
        if (run.getState() == TrainingRun.State.SUCCEEDED) {
            throw new IllegalArgumentException("Run " + run.getId() + " has already succeeded; there is nothing to "
                    + "resume");
        }
        String code = CodeVersion.current().label();
        if (!code.equals(run.getCodeVersion())) {
            throw new IllegalArgumentException("Run " + run.getId() + " was started by code version "
                    + run.getCodeVersion() + " and this is " + code + ": a resumed run would not be the run it "
                    + "continues. Start a new run instead");
        }
        CheckpointStore store = checkpoints(run.getId());
        java.util.List<Integer> saved = store.iterations();
        if (saved.isEmpty()) {
            throw new IllegalArgumentException("Run " + run.getId() + " has no checkpoint in "
                    + checkpointDirectory(run.getId()) + " (was it started with --checkpoint-every?)");
        }
        ObjectNode fields;
        try {
            fields = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.getConfigJson());
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("Run " + run.getId() + "'s stored config is not a JSON object", e);
        }
        Prepared prepared = prepare(run.getAlgorithm(), run.getDatasetId(), fields, "run " + run.getId() + "'s config",
                run.getSeed());
        if (!prepared.configJson().equals(run.getConfigJson())) {
            throw new IllegalStateException("Run " + run.getId() + "'s config no longer reads back as stored; start a "
                    + "new run");
        }
        // The first checkpoint's iteration is the interval the run was started with.
        return new Resumption(run, prepared, new ModelBasedTrainer.Checkpointing(store, saved.get(0), true));
    }

    /** Records the run as started (so that it can be followed) without training yet. */
    public TrainingRun begin(Prepared prepared, String createdBy) {
        return runs.start(prepared.algorithm().name(), prepared.dataset().getId(), prepared.configJson(),
                prepared.seed(), createdBy);
    }

    /** Trains a begun run, recording metrics as they come and the policy or the failure at the end. */
    public TrainingRun complete(Prepared prepared, TrainingRun run, TrainingListener progress) {
        return complete(prepared, run, progress, ModelBasedTrainer.Checkpointing.NONE);
    }

    private TrainingRun complete(Prepared prepared, TrainingRun run, TrainingListener progress,
            ModelBasedTrainer.Checkpointing checkpointing) {
        if (!training.add(run.getId())) {
            throw new IllegalArgumentException("Run " + run.getId() + " is training now; there is nothing to resume");
        }
        try {
            FittedPolicy fitted = prepared.algorithm().fitPolicy(prepared.data(), prepared.fields(),
                    prepared.configSource(), (iteration, metrics) -> {
                        runs.recordMetrics(run.getId(), iteration, metrics);
                        progress.onIteration(iteration, metrics);
                    }, checkpointing);
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
        } finally {
            training.remove(run.getId());
        }
    }
}
