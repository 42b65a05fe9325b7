package dev.vigil.api.cli;

import dev.vigil.api.tace.WorldModelTraining;
import dev.vigil.worldmodel.planner.ScorerSpec;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the TACE world model (dynamics model and survival scorer) and registers it for serving. */
@Dependent
@Unremovable
@Command(name = "worldmodel", mixinStandardHelpOptions = true,
        description = "TACE world models (docs/tace-planning.md).")
public class WorldModelCommand {

    @Inject
    WorldModelTraining training;

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train a world model on an ingested hcc-tace dataset: the dynamics model (DJL, exported",
                "to ONNX) on patients with pre- and post-treatment images, and the survival scorer. Writes the",
                "bundle to --out, stores a copy under the data directory and records it; plan and the REST",
                "endpoints use the newest. Prints the bundle id."})
    int train(
            @Option(names = "--dataset", required = true, description = "Dataset id or a unique prefix (6+ characters).")
            String dataset,
            @Option(names = "--images", description = "Cohort folder the image links are relative to (default: the"
                    + " folder the dataset was ingested from, or its parent when that is a fhir folder).")
            Path images,
            @Option(names = "--out", required = true, description = "Bundle folder to write (created).") Path out,
            @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}); the same"
                    + " seed and data give the same bundle id.") long seed,
            @Option(names = "--epochs", defaultValue = "" + WorldModelTraining.DEFAULT_EPOCHS,
                    description = "Dynamics training epochs (default ${DEFAULT-VALUE}).") int epochs,
            @Option(names = "--scorer", defaultValue = "measured:intensity", description = {"How the survival scorer"
                    + " is fitted (default ${DEFAULT-VALUE}; docs/planner.md \"Survival scorer\"):",
                "SOURCE[:TOXICITY][@AGENT=CHARGE,...], e.g. \"measured:intensity@gelatin sponge=0.14\"."})
            String scorer) {
        long started = System.nanoTime();
        ScorerSpec spec = ScorerSpec.parse(scorer);
        WorldModelTraining.Trained trained = training.train(dataset, images, seed, epochs, spec,
                "cli:" + System.getProperty("user.name"), line -> System.err.println("  " + line));
        trained.bundle().save(out);
        System.out.printf(Locale.ROOT, "World model trained on %d patients of dataset %s in %.1f s%n",
                trained.cases(), trained.record().getDatasetId().substring(0, 12),
                (System.nanoTime() - started) / 1e9);
        System.out.println("Bundle written to " + out.toAbsolutePath().normalize() + " and stored at "
                + trained.record().getPath());
        System.out.println("world-model-id: " + trained.record().getId());
        return 0;
    }
}
