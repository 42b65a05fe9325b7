package dev.vigil.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.tace.TacePlanningService;
import dev.vigil.api.tace.TaceViews;
import dev.vigil.api.tace.WorldModelRecord;
import dev.vigil.api.tace.WorldModelRegistry;
import dev.vigil.api.tace.WorldModelTraining;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.planner.PlanImages;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Ranks one patient's TACE plans with the newest world model and prints them. */
@Dependent
@Unremovable
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Rank every valid TACE protocol for a patient with the newest world model: K simulations",
            "per plan, risk with its interval, median survival, safety flags; contraindications first.",
            "With --out, writes plan.json and pre/post slice PNGs of the top plans."})
public class PlanCommand implements Callable<Integer> {

    @Inject
    TacePlanningService planning;

    @Inject
    WorldModelRegistry registry;

    @Inject
    DatasetService datasets;

    @Inject
    ObjectMapper json;

    @Option(names = "--patient", required = true, description = "Patient (episode) id.")
    String patient;

    @Option(names = "--dataset", description = "hcc-tace dataset id or prefix (default: the world model's).")
    String dataset;

    @Option(names = "--images", description = "Cohort folder of the images (default: the world model's, or the"
            + " dataset's source folder).")
    Path images;

    @Option(names = "--world-model", description = "World model id or prefix (default: the newest).")
    String worldModel;

    @Option(names = "--k", defaultValue = "4", description = "Simulations per plan (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulations (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--provider", defaultValue = "auto", description = "Execution provider: auto, cpu, cuda.")
    String provider;

    @Option(names = "--top", defaultValue = "3", description = "Top plans whose slices --out writes (default"
            + " ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--out", description = "Folder for plan.json and slice PNGs (created).")
    Path out;

    @Override
    public Integer call() throws IOException {
        WorldModelRecord model = worldModel != null ? registry.resolve(worldModel) : registry.requireNewest();
        DatasetRecord data = dataset != null ? datasets.resolve(dataset)
                : datasets.find(model.getDatasetId()).orElseThrow(() -> new IllegalArgumentException(
                        "the world model's dataset " + model.getDatasetId() + " is not recorded; give --dataset"));
        Path imagesDir = images != null ? images
                : dataset == null ? Path.of(model.getImagesDir()) : WorldModelTraining.defaultImagesDir(data);
        var options = new TacePlanningService.PlanOptions(k, seed, ExecutionProviderChoice.parse(provider),
                out != null ? top : 0);
        TacePlanningService.Planned planned = planning.plan(model, data, imagesDir, patient, options);
        print(planned.view());
        if (out != null) {
            write(planned, out);
        }
        return 0;
    }

    private static void print(TaceViews.PlanView view) {
        System.out.printf(Locale.ROOT, "Patient %s, world model %s, provider %s, K = %d, seed %d, %d plans in %d ms%n",
                view.patientId(), view.worldModelId().substring(0, 12), view.executionProvider(),
                view.simulationsPerPlan(), view.seed(), view.plans().size(), view.elapsedMillis());
        System.out.printf(Locale.ROOT, "Protocol space %s, contraindication rules %s%n", view.protocolSpaceVersion(),
                view.contraindicationRuleSet());
        if (!view.contraindications().isEmpty()) {
            System.out.println("CONTRAINDICATED: " + String.join(", ", view.contraindications())
                    + " -- no plan is recommended");
        }
        if (!view.unknownChecks().isEmpty()) {
            System.out.println("Not checked (missing data): " + String.join(", ", view.unknownChecks()));
        }
        System.out.printf(Locale.ROOT, "%4s  %-44s %-25s %10s %9s  %s%n", "rank", "protocol", "risk [interval]",
                "median d", "tumour mL", "flags");
        for (TaceViews.RankedPlanView p : view.plans()) {
            System.out.printf(Locale.ROOT, "%4d%s %-44s %-25s %10s %9.1f  %s%n", p.rank(), p.recommended() ? "*" : " ",
                    p.protocol(), String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.risk(), p.riskLow(),
                            p.riskHigh()),
                    p.medianSurvivalDays() == null ? "not reached" : String.format(Locale.ROOT, "%.0f",
                            p.medianSurvivalDays()),
                    p.predictedTumourMl(), String.join(", ", p.safetyFlags()));
        }
        System.out.println(view.recommendable() ? "* recommended" : "No plan is recommended for this patient.");
    }

    private void write(TacePlanningService.Planned planned, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("plan.json"), json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(planned.view()));
        int written = 0;
        for (TaceViews.RankedPlanView p : planned.view().plans()) {
            if (!p.hasImages()) {
                continue;
            }
            PlanImages images = planned.result().images(p.rank());
            int z = centralSlice(images);
            for (String kind : TacePlanningService.SLICE_KINDS) {
                Files.write(folder.resolve(String.format(Locale.ROOT, "rank%d-%s-z%d.png", p.rank(), kind, z)),
                        images.slicePng(kind, z));
                written++;
            }
        }
        System.out.println("Wrote plan.json and " + written + " slice PNGs to " + folder.toAbsolutePath().normalize());
    }

    /** The slice with the most pre-treatment tumour voxels (the middle one when the mask is empty). */
    private static int centralSlice(PlanImages images) {
        var mask = images.preMask();
        var g = mask.geometry();
        int best = g.nz() / 2;
        int bestCount = 0;
        for (int z = 0; z < g.nz(); z++) {
            int count = 0;
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++) {
                    count += mask.get(x, y, z) ? 1 : 0;
                }
            }
            if (count > bestCount) {
                best = z;
                bestCount = count;
            }
        }
        return best;
    }
}
