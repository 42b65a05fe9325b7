package dev.vigil.api.tace;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.planner.HccCases;
import dev.vigil.worldmodel.planner.PlanImages;
import dev.vigil.worldmodel.planner.PlanResult;
import dev.vigil.worldmodel.planner.PlannerConfig;
import dev.vigil.worldmodel.planner.TacePlanner;
import dev.vigil.worldmodel.planner.WorldModelBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Ranks a patient's TACE plans with the newest world model (or one chosen on the command line) and keeps the
 * last result per patient in memory, so the slice images of its top plans can be fetched afterwards. One plan
 * runs at a time: ONNX Runtime already uses every core.
 */
@ApplicationScoped
public class TacePlanningService {

    /** File in a bundle folder that an evaluation may write; shown on the research page when present. */
    public static final String EVALUATION_FILE = "evaluation.json";
    public static final List<String> SLICE_KINDS = List.of("pre", "post");

    private static final Logger LOG = Logger.getLogger(TacePlanningService.class);

    @Inject
    WorldModelRegistry registry;

    @Inject
    DatasetService datasets;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    private final Map<String, Planned> lastPlans = new ConcurrentHashMap<>();
    private final Object planLock = new Object();

    /**
     * How to plan.
     *
     * @param k stochastic simulations per plan, 1..64
     * @param keepImagesForTop the top plans whose pre/post images are kept for slices
     */
    public record PlanOptions(int k, long seed, ExecutionProviderChoice provider, int keepImagesForTop) {

        public static final int DEFAULT_K = 4;
        public static final long DEFAULT_SEED = 1;
        public static final int DEFAULT_IMAGES = 3;

        public PlanOptions {
            if (k < 1 || k > 64) {
                throw new IllegalArgumentException("k (simulations per plan) must be 1..64, got " + k);
            }
            if (keepImagesForTop < 0 || keepImagesForTop > 20) {
                throw new IllegalArgumentException("images are kept for the top 0..20 plans, got " + keepImagesForTop);
            }
        }

        /** From a request whose fields may be missing. */
        public static PlanOptions of(Integer k, Long seed, String provider) {
            return new PlanOptions(k == null ? DEFAULT_K : k, seed == null ? DEFAULT_SEED : seed,
                    ExecutionProviderChoice.parse(provider == null ? "auto" : provider), DEFAULT_IMAGES);
        }
    }

    /** A planner result and its JSON view. */
    public record Planned(PlanResult result, TaceViews.PlanView view) {
    }

    /** The patients of the newest world model's dataset that have pre-treatment images. */
    public TaceViews.PatientsView patients() {
        WorldModelRecord model = registry.requireNewest();
        DatasetRecord dataset = datasets.find(model.getDatasetId()).orElseThrow(() -> new IllegalStateException(
                "world model " + model.getId() + " names dataset " + model.getDatasetId() + ", which is missing"));
        List<TaceViews.PatientView> patients = PatientSummaries.of(datasets.load(dataset), lastPlans::containsKey);
        return new TaceViews.PatientsView(dataset.getId(), dataset.getName(), model.getId(), patients);
    }

    /** Plans with the newest world model on the dataset and images it was trained on; remembers the result. */
    public Planned plan(String patientId, PlanOptions options) {
        WorldModelRecord model = registry.requireNewest();
        DatasetRecord dataset = datasets.find(model.getDatasetId()).orElseThrow(NoWorldModelException::new);
        Planned planned = plan(model, dataset, Path.of(model.getImagesDir()), patientId, options);
        lastPlans.put(patientId, planned);
        return planned;
    }

    /** Plans one patient of {@code dataset} with the given world model (the command line chooses these). */
    public Planned plan(WorldModelRecord model, DatasetRecord dataset, Path imagesDir, String patientId,
            PlanOptions options) {
        TrajectoryDataset data = datasets.load(WorldModelTraining.requireHccDataset(dataset));
        if (data.episodes().stream().noneMatch(e -> e.id().equals(patientId))) {
            throw new UnknownPatientException("Patient '" + patientId + "' is not in dataset " + dataset.getName()
                    + " (" + dataset.getId().substring(0, 12) + "); list the patients with GET /api/tace/patients");
        }
        HccCase patient = HccCases.find(data, imagesDir, patientId);
        WorldModelBundle bundle = registry.load(model);
        PlannerConfig defaults = PlannerConfig.defaults();
        PlannerConfig config = new PlannerConfig(options.k(), options.seed(), options.provider(),
                options.keepImagesForTop(), defaults.beamWidth());
        PlanResult result;
        synchronized (planLock) {
            try (TacePlanner planner = new TacePlanner(bundle, config)) {
                result = planner.plan(patient);
            }
        }
        LOG.infof("Planned patient %s with world model %s on %s: %d plans in %d ms", patientId,
                model.getId().substring(0, 12), result.executionProvider(), result.plans().size(),
                result.elapsedMillis());
        return new Planned(result, PlanViews.of(result, options, clock.instant()));
    }

    /** The last plan of a patient ranked through {@link #plan(String, PlanOptions)}, if any. */
    public Optional<Planned> lastPlan(String patientId) {
        return Optional.ofNullable(lastPlans.get(patientId));
    }

    /**
     * An axial slice of a ranked plan's images as PNG, tumour outlined: {@code pre} the patient's CT and mask,
     * {@code post} the simulated ones.
     */
    public byte[] slice(String patientId, int rank, int z, String kind) {
        if (kind == null || !SLICE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + SLICE_KINDS + ", got '" + kind + "'");
        }
        Planned planned = lastPlan(patientId).orElseThrow(() -> new UnknownPatientException("No plans for patient '"
                + patientId + "' yet: rank them first (POST /api/tace/patients/{id}/plans)"));
        TaceViews.RankedPlanView plan = planned.view().plans().stream().filter(p -> p.rank() == rank).findFirst()
                .orElseThrow(() -> new UnknownPatientException("Patient '" + patientId + "' has no plan of rank "
                        + rank + " (ranks 1.." + planned.view().plans().size() + ")"));
        if (!plan.hasImages()) {
            throw new UnknownPatientException("Images are kept for the top " + planned.view().plans().stream()
                    .filter(TaceViews.RankedPlanView::hasImages).count() + " plans only; rank " + rank + " has none");
        }
        PlanImages images = planned.result().images(rank);
        if (z < 0 || z >= images.depth()) {
            throw new IllegalArgumentException("slice z must be 0.." + (images.depth() - 1) + ", got " + z);
        }
        return images.slicePng(kind, z);
    }

    /** The newest world model with its manifest and the evaluation stored beside it. */
    public TaceViews.WorldModelView worldModel() {
        WorldModelRecord model = registry.requireNewest();
        String datasetName = datasets.find(model.getDatasetId()).map(DatasetRecord::getName).orElse(null);
        Map<String, String> manifest;
        try {
            manifest = json.readValue(model.getManifestJson(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("manifest of world model " + model.getId() + " is not readable", e);
        }
        JsonNode evaluation = null;
        Path file = Path.of(model.getPath()).resolve(EVALUATION_FILE);
        if (Files.isRegularFile(file)) {
            try {
                evaluation = json.readTree(file.toFile());
            } catch (IOException e) {
                LOG.warnf("Evaluation of world model %s is not readable (%s): not shown", model.getId(), e.getMessage());
            }
        }
        int others = registry.list().size() - 1;
        return new TaceViews.WorldModelView(model.getId(), model.getDatasetId(), datasetName, model.getImagesDir(),
                model.getPath(), model.getCreatedBy(), model.getCreatedAt(), manifest, evaluation, others);
    }
}
