package dev.vigil.api.cli;

import dev.vigil.api.run.TrainingRun;
import dev.vigil.api.run.TrainingService;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains a policy on a dataset and records the run. */
@Dependent
@Unremovable
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a policy on a dataset and record the run; prints the run id.",
            "The run keeps config, seed, code version, metrics per iteration and the policy.",
            "Algorithms (docs/algorithms.md): bc, cql, ogsrl (discrete or discretised); continuous doses:",
            "cql-continuous, ccql, gcql, mb-trpo, gmb-trpo, mb-cpo, gmb-cpo, glagrangian.",
            "Model-based runs can keep checkpoints (--checkpoint-every N) and continue after an interruption",
            "(--resume RUN): the resumed run ends with the same policy as an uninterrupted one."})
public class TrainCommand implements Callable<Integer> {

    @Inject
    TrainingService training;

    @Option(names = "--algo", description = "Algorithm: bc, cql, ogsrl, cql-continuous, ccql, gcql, mb-trpo, gmb-trpo, mb-cpo, "
            + "gmb-cpo, glagrangian.")
    String algorithm;

    @Option(names = "--dataset", description = "Dataset id or a unique prefix (6+ characters).")
    String dataset;

    @Option(names = "--config", description = "Config file (JSON or YAML) naming the algorithm and its fields.")
    Path config;

    @Option(names = "--seed", description = "Seed: the same seed, data and code give the same policy.")
    Long seed;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Keep a checkpoint after every N-th "
            + "iteration and after the last (model-based algorithms; 0 = none).")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue an interrupted or failed run (id or "
            + "unique prefix) from its latest checkpoint, with its own algorithm, dataset, config and seed.")
    String resume;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (resume != null) {
            if (algorithm != null || dataset != null || config != null || seed != null || checkpointEvery != 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--resume continues a run with "
                        + "its own algorithm, dataset, config, seed and checkpoint interval: give none of --algo, "
                        + "--dataset, --config, --seed, --checkpoint-every with it");
            }
            return report(withProgress("Resuming " + resume, -1, progress -> training.resume(resume, progress)));
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (algorithm == null) {
            missing.add("--algo");
        }
        if (dataset == null) {
            missing.add("--dataset");
        }
        if (seed == null) {
            missing.add("--seed");
        }
        if (!missing.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option(s): "
                    + String.join(", ", missing) + " (or --resume RUN)");
        }
        TrainingService.Prepared prepared = training.prepare(algorithm, dataset, config, seed);
        return report(withProgress("Training " + algorithm, iterations(prepared), progress -> training.train(prepared,
                "cli:" + System.getProperty("user.name"), progress, checkpointEvery)));
    }

    /** The number of iterations an iterative algorithm's config sets, or -1 (the bar then shows no total). */
    private static long iterations(TrainingService.Prepared prepared) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(prepared.configJson()).get("iterations");
            return n != null && n.canConvertToLong() ? n.asLong() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static TrainingRun withProgress(String task, long iterations,
            java.util.function.Function<dev.vigil.offlinerl.algo.TrainingListener, TrainingRun> training) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(iterations)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" it", 1).setUpdateIntervalMillis(500).build()) {
            return training.apply((iteration, metrics) -> {
                bar.stepTo(iteration);
                bar.setExtraMessage(summary(metrics));
            });
        }
    }

    private static int report(TrainingRun run) {
        System.out.printf("Run %s %s: %s on dataset %s, seed %d, config sha256 %s%n", run.getId(),
                run.getState().name().toLowerCase(Locale.ROOT), run.getAlgorithm(), run.getDatasetId().substring(0, 12),
                run.getSeed(), run.getConfigSha256().substring(0, 12));
        System.out.println("run-id: " + run.getId());
        return 0;
    }

    private static String summary(Map<String, Double> metrics) {
        return metrics.entrySet().stream().limit(3)
                .map(e -> String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
