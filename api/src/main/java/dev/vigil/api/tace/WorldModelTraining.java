package dev.vigil.api.tace;

import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.worldmodel.planner.HccCases;
import dev.vigil.worldmodel.planner.ScorerSpec;
import dev.vigil.worldmodel.planner.TrainingCase;
import dev.vigil.worldmodel.planner.WorldModelBundle;
import dev.vigil.worldmodel.planner.WorldModelTrainer;
import dev.vigil.worldmodel.planner.WorldModelTrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains a world model on an ingested {@code hcc-tace} dataset (cases with pre- and post-treatment images and
 * survival) and registers it for serving.
 */
@ApplicationScoped
public class WorldModelTraining {

    public static final String COHORT = "hcc-tace";
    public static final int DEFAULT_EPOCHS = 20;

    @Inject
    DatasetService datasets;

    @Inject
    WorldModelRegistry registry;

    /** What a training produced: the registered record and the bundle itself. */
    public record Trained(WorldModelRecord record, WorldModelBundle bundle, int cases) {
    }

    /**
     * @param datasetRef dataset id or a unique prefix (6+ characters); must be an hcc-tace dataset
     * @param imagesDir the cohort folder the image links are relative to; null: derived from the dataset's source
     */
    public Trained train(String datasetRef, Path imagesDir, long seed, int epochs, String createdBy,
            Consumer<String> progress) {
        return train(datasetRef, imagesDir, seed, epochs, ScorerSpec.defaults(), createdBy, progress);
    }

    /**
     * As {@link #train(String, Path, long, int, String, Consumer)}, with the survival scorer fitted to {@code scorer}
     * (docs/planner.md "Survival scorer"); its label is part of the bundle's configuration hash.
     */
    public Trained train(String datasetRef, Path imagesDir, long seed, int epochs, ScorerSpec scorer,
            String createdBy, Consumer<String> progress) {
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be 1..10000, got " + epochs);
        }
        DatasetRecord record = requireHccDataset(datasets.resolve(datasetRef));
        Path images = imagesDir != null ? imagesDir : defaultImagesDir(record);
        if (!Files.isDirectory(images)) {
            throw new IllegalArgumentException("--images " + images + " is not a folder: give the cohort folder"
                    + " that holds images/<patient>/pre_ct.nii.gz");
        }
        TrajectoryDataset data = datasets.load(record);
        List<TrainingCase> cases = HccCases.trainingCases(data, images);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("dataset " + record.getId().substring(0, 12) + " has no patient with"
                    + " pre- and post-treatment images and survival to train on (images read from " + images + ")");
        }
        int size = cases.get(0).pre().preCt().geometry().nx();
        WorldModelBundle bundle = WorldModelTrainer.train(cases,
                WorldModelTrainingConfig.defaults(size, epochs, seed).withScorer(scorer), progress);
        WorldModelRecord registered = registry.register(bundle, record.getId(), images, createdBy);
        return new Trained(registered, bundle, cases.size());
    }

    public static DatasetRecord requireHccDataset(DatasetRecord record) {
        if (!COHORT.equals(record.getCohortId())) {
            throw new IllegalArgumentException("dataset " + record.getId().substring(0, 12) + " (" + record.getName()
                    + ") is cohort " + record.getCohortId() + ", not " + COHORT
                    + ": ingest a cohort with --cohort hcc-tace");
        }
        return record;
    }

    /**
     * The folder a Bulk export was ingested from, or its parent when that folder is the cohort's {@code fhir}
     * sub-folder (the layout ./vigil synth hcc writes): image links are relative to the cohort folder.
     */
    public static Path defaultImagesDir(DatasetRecord record) {
        String source = record.getSource();
        int colon = source.indexOf(':');
        if (colon < 0 || !(source.startsWith("bulk:") || source.startsWith("bundle:"))) {
            throw new IllegalArgumentException("dataset " + record.getId().substring(0, 12) + " came from " + source
                    + ": give the cohort folder with --images");
        }
        Path folder = Path.of(source.substring(colon + 1));
        Path name = folder.getFileName();
        return name != null && name.toString().equals("fhir") && folder.getParent() != null ? folder.getParent()
                : folder;
    }
}
