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
            "cql-continuous, ccql, gcql, mb-trpo, gmb-trpo, mb-cpo, gmb-cpo, glagrangian."})
public class TrainCommand implements Callable<Integer> {

    @Inject
    TrainingService training;

    @Option(names = "--algo", required = true, description = "Algorithm: bc, cql, ogsrl, cql-continuous, ccql, gcql, mb-trpo, gmb-trpo, mb-cpo, "
            + "gmb-cpo, glagrangian.")
    String algorithm;

    @Option(names = "--dataset", required = true, description = "Dataset id or a unique prefix (6+ characters).")
    String dataset;

    @Option(names = "--config", description = "Config file (JSON or YAML) naming the algorithm and its fields.")
    Path config;

    @Option(names = "--seed", required = true, description = "Seed: the same seed, data and code give the same policy.")
    long seed;

    @Override
    public Integer call() {
        TrainingService.Prepared prepared = training.prepare(algorithm, dataset, config, seed);
        TrainingRun run;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Training " + algorithm).setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" it", 1).setUpdateIntervalMillis(500).build()) {
            run = training.train(prepared, "cli:" + System.getProperty("user.name"), (iteration, metrics) -> {
                bar.stepTo(iteration);
                bar.setExtraMessage(summary(metrics));
            });
        }
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
