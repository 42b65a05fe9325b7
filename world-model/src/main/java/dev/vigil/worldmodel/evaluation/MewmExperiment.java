package dev.vigil.worldmodel.evaluation;

import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IssueRecorder;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.worldmodel.dynamics.DynamicsArchitecture;
import dev.vigil.worldmodel.dynamics.TrainingConfig;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.onnx.OrtThread;
import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.planner.HccCases;
import dev.vigil.worldmodel.planner.PlanResult;
import dev.vigil.worldmodel.planner.PlannerConfig;
import dev.vigil.worldmodel.planner.RankedPlan;
import dev.vigil.worldmodel.planner.ScorerFeatures;
import dev.vigil.worldmodel.planner.ScorerFit;
import dev.vigil.worldmodel.planner.ScorerSpec;
import dev.vigil.worldmodel.planner.SurvivalScorer;
import dev.vigil.worldmodel.planner.TacePlanner;
import dev.vigil.worldmodel.planner.TrainingCase;
import dev.vigil.worldmodel.planner.WorldModelBundle;
import dev.vigil.worldmodel.planner.WorldModelTrainer;
import dev.vigil.worldmodel.planner.WorldModelTrainingConfig;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.synth.HccCohortConfig;
import dev.vigil.worldmodel.synth.HccCohortGenerator;
import dev.vigil.worldmodel.volume.Nifti;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MeWM experiment on a synthetic cohort with known ground truth: generate it ({@link HccCohortGenerator}),
 * ingest it with the real pipeline and the shipped {@code hcc-tace} cohort, train a world model on the patients
 * not held out (those with follow-up images linked), evaluate simulation quality and protocol selection on the
 * held-out ones against the baselines, and print markdown tables (also written to {@code OUT/mewm-results.md}).
 *
 * <p>Options (system properties, docs/results.md "MeWM"): {@code mewm.reuseCohort}, {@code mewm.validationFraction},
 * {@code mewm.trainingSeed}, {@code mewm.ensembleSize}, {@code mewm.tumourCtWeight}, {@code mewm.interactionDecay},
 * {@code mewm.drugClasses}, {@code mewm.drugMainDecay},
 * {@code mewm.trainOnly}, {@code mewm.reuseDynamics} (comma-separated ONNX files: an ensemble),
 * {@code mewm.disagreementWeight}, {@code mewm.scorer} (a {@link ScorerSpec#parse} text, e.g. simulated:frailty).
 *
 * <p>Usage: {@code MewmExperiment PATIENTS SEED OUT [CROP=32] [EPOCHS=20] [K=4]}. Needs
 * {@code DNNL_MAX_CPU_ISA=SSE41} and {@code -Dai.djl.offline=true} like every DJL training (platform-notes).
 */
public final class MewmExperiment {

    private MewmExperiment() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: MewmExperiment PATIENTS SEED OUT [CROP=32] [EPOCHS=20] [K=4]");
            System.exit(2);
        }
        // ONNX Runtime wants a big stack (OrtThread); the session already uses its own, but the whole run
        // goes on one so that nothing here ever touches ONNX Runtime from a small-stack thread.
        OrtThread.runMain("mewm-experiment", () -> run(args));
    }

    private static void run(String[] args) throws IOException {
        int patients = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        int crop = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int epochs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int k = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        Result result = run(patients, seed, out, crop, epochs, k, System.out::println);
        String markdown = result.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.writeString(out.resolve("mewm-results.md"), markdown, StandardCharsets.UTF_8);
    }

    /** Everything measured. */
    public record Result(String setup, List<SimulationQuality.Row> simulation, List<SelectionSummary> selection,
            Map<String, String> timings) {

        public String markdown() {
            StringBuilder md = new StringBuilder();
            md.append(setup).append("\n\n");
            md.append("Simulation quality (held-out patients, given protocol; Dice of the post-treatment tumour mask,"
                    + " relative tumour-volume error):\n\n");
            md.append("| Method | Patients | Mean Dice | Median Dice | Mean abs. volume error | Mean signed volume error |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (SimulationQuality.Row r : simulation) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %+.3f |%n", r.method(),
                        r.patients(), r.meanDice(), r.medianDice(), r.meanAbsVolumeError(), r.meanVolumeError()));
            }
            md.append("\nProtocol selection (held-out patients; component sets of the chosen vs the true best"
                    + " protocol; regret = true E[T | best] - E[T | chosen]):\n\n");
            md.append("| Method | Patients | F1 | Jaccard | Precision | Recall | Top-1 | Mean regret (days) | Median regret (days) |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (SelectionSummary s : selection) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f |%n",
                        s.method(), s.patients(), s.f1(), s.jaccard(), s.precision(), s.recall(), s.top1(),
                        s.meanRegretDays(), s.medianRegretDays()));
            }
            md.append("\nTimings: ");
            List<String> parts = new ArrayList<>();
            timings.forEach((name, value) -> parts.add(name + " " + value));
            md.append(String.join(", ", parts)).append(".\n");
            return md.toString();
        }
    }

    /** Runs the experiment; progress lines go to {@code log}. */
    public static Result run(int patients, long seed, Path out, int crop, int epochs, int k,
            java.util.function.Consumer<String> log) throws IOException {
        Map<String, String> timings = new LinkedHashMap<>();
        Path cohort = out.resolve("cohort");
        long t = System.nanoTime();
        log.accept("generating " + patients + " synthetic HCC patients at " + crop + "^3 (seed " + seed + ")");
        if (Boolean.getBoolean("mewm.reuseCohort") && Files.isRegularFile(cohort.resolve(HccCohortGenerator.GROUND_TRUTH))) {
            log.accept("reusing the cohort in " + cohort + " (-Dmewm.reuseCohort)");
        } else {
            new HccCohortGenerator(new HccCohortConfig(patients, seed, crop, 0.2)).generate(cohort);
        }
        timings.put("cohort", seconds(t));

        t = System.nanoTime();
        IssueRecorder issues = new IssueRecorder();
        TrajectoryDataset data = new IngestionPipeline(UnitConverter.load()).run(
                new BulkNdjsonSource(cohort.resolve(HccCohortGenerator.FHIR_DIR)), CohortSpecs.shipped("hcc-tace"),
                issues, "hcc-synthetic");
        timings.put("ingestion", seconds(t));
        log.accept("ingested " + data.episodes().size() + " episodes, " + issues.issues().size() + " issues");
        GroundTruth truth = GroundTruth.load(cohort.resolve(HccCohortGenerator.GROUND_TRUTH));

        // -Dmewm.validationFraction=F: choose settings without looking at the held-out patients. A seeded share F
        // of the patients NOT held out becomes the evaluation set, the rest trains; held-out patients are unused.
        double validationFraction = Double.parseDouble(System.getProperty("mewm.validationFraction", "0"));
        java.util.Set<String> validation = new java.util.HashSet<>();
        if (validationFraction > 0) {
            java.util.Random pick = new java.util.Random(seed ^ 0x5eed_7a11L);
            for (Episode episode : data.episodes()) {
                if (!truth.patient(episode.id()).heldOut() && pick.nextDouble() < validationFraction) {
                    validation.add(episode.id());
                }
            }
            log.accept("VALIDATION RUN: " + validation.size() + " patients not held out are evaluated instead of the"
                    + " held-out ones (-Dmewm.validationFraction=" + validationFraction + ")");
        }
        List<TrainingCase> training = new ArrayList<>();
        for (TrainingCase c : HccCases.trainingCases(data, cohort)) {
            String id = c.pre().patientId();
            if (!truth.patient(id).heldOut() && !validation.contains(id)) {
                training.add(c);
            }
        }
        // Held out: every held-out patient, with the true follow-up images the generator wrote for all of them.
        List<TrainingCase> heldOut = new ArrayList<>();
        for (Episode episode : data.episodes()) {
            GroundTruth.PatientTruth p = truth.patient(episode.id());
            if (validationFraction > 0 ? validation.contains(episode.id()) : p.heldOut()) {
                HccCase pre = HccCases.find(data, cohort, episode.id());
                heldOut.add(new TrainingCase(pre, HccCases.givenProtocol(data, episode),
                        Nifti.read(cohort.resolve(p.postCt())), Nifti.readMask(cohort.resolve(p.postMask())),
                        episode.outcome().days(), episode.outcome().event()));
            }
        }
        log.accept(training.size() + " training cases (not held out, follow-up images linked), " + heldOut.size()
                + " held-out patients");

        t = System.nanoTime();
        // -Dmewm.reuseDynamics=A.onnx[,B.onnx,...] refits only the scorer on dynamics models trained before (one
        // file: a single model; several: an ensemble, e.g. members trained in separate -Dmewm.trainOnly runs).
        String reuse = System.getProperty("mewm.reuseDynamics");
        // -Dmewm.scorer=SOURCE[:TOXICITY][@AGENT=CHARGE,...] (ScorerSpec.parse) fits the scorer another way, e.g.
        // simulated:frailty, or sets an embolic agent's toxicity charge, e.g. "measured:intensity@gelatin sponge=0.14".
        ScorerSpec scorerSpec = System.getProperty("mewm.scorer") == null ? ScorerSpec.defaults()
                : ScorerSpec.parse(System.getProperty("mewm.scorer"));
        // -Dmewm.disagreementWeight=W ranks by mean risk + W x the ensemble members' standard deviation.
        double disagreement = Double.parseDouble(System.getProperty("mewm.disagreementWeight", "0"));
        PlannerConfig plannerConfig = new PlannerConfig(k, seed, ExecutionProviderChoice.CPU, 0, 0, disagreement);
        WorldModelBundle bundle;
        if (reuse != null) {
            List<byte[]> members = new ArrayList<>();
            for (String file : reuse.split(",")) {
                members.add(Files.readAllBytes(Path.of(file.trim())));
            }
            // A simulated fit simulates with the planner's own K and seed: the features it is fitted on are those
            // the ranking computes for the given protocol.
            SurvivalScorer scorer = ScorerFit.fit(training, scorerSpec, members, crop, plannerConfig, log);
            bundle = WorldModelBundle.ofEnsemble(members, scorer,
                    Map.of("cropSize", Integer.toString(crop), "dynamics", "reused from " + reuse));
        } else {
            bundle = WorldModelTrainer.train(training, trainingConfig(crop, epochs, seed).withScorer(scorerSpec), log);
        }
        timings.put("training", seconds(t));
        SurvivalScorer fitted = bundle.scorer();
        StringBuilder coefficients = new StringBuilder("scorer " + scorerSpec.label() + " coefficients:");
        for (int j = 0; j < fitted.featureNames().size(); j++) {
            coefficients.append(String.format(Locale.ROOT, " %s %.4f", fitted.featureNames().get(j),
                    fitted.coefficients()[j]));
        }
        log.accept(coefficients.toString());
        bundle.save(out.resolve("bundle"));
        log.accept("world model " + bundle.id() + " saved to " + out.resolve("bundle"));
        // -Dmewm.trainOnly=true stops here: members of an ensemble can be trained in separate processes and
        // evaluated together later (-Dmewm.reuseDynamics with several files).
        if (Boolean.getBoolean("mewm.trainOnly")) {
            return new Result("Trained only (-Dmewm.trainOnly): world model " + bundle.id(), List.of(), List.of(),
                    timings);
        }

        List<SimulationQuality.Row> simulation;
        List<SelectionSummary> selection = new ArrayList<>();
        try (TacePlanner planner = new TacePlanner(bundle, plannerConfig)) {
            t = System.nanoTime();
            simulation = SimulationQuality.evaluate(planner, heldOut, training);
            timings.put("simulation quality", seconds(t));
            WorldModelChooser worldModel = new WorldModelChooser(planner);
            List<ProtocolChooser> choosers = List.of(worldModel, new RandomChooser(seed),
                    new MostCommonChooser(training), new PreTreatmentCoxChooser(training));
            Map<String, List<String>> choices = new LinkedHashMap<>();
            for (TrainingCase c : heldOut) {
                GroundTruth.PatientTruth p = truth.patient(c.pre().patientId());
                choices.put(c.pre().patientId(), new ArrayList<>(List.of(c.pre().patientId(),
                        p.bestProtocol().label(), c.given().label())));
            }
            for (ProtocolChooser chooser : choosers) {
                t = System.nanoTime();
                List<SelectionScores> scores = new ArrayList<>();
                for (TrainingCase c : heldOut) {
                    GroundTruth.PatientTruth p = truth.patient(c.pre().patientId());
                    TaceProtocol chosen = chooser.choose(c.pre());
                    choices.get(c.pre().patientId()).add(chosen.label());
                    scores.add(SelectionScores.of(chosen, p.bestProtocol(), p.expectedSurvival(chosen),
                            p.expectedSurvival(p.bestProtocol())));
                }
                selection.add(SelectionSummary.of(chooser.name(), scores));
                timings.put(chooser.name().split(" \\(")[0], seconds(t));
                log.accept(chooser.name() + ": done");
            }
            List<SelectionScores> clinician = new ArrayList<>();
            for (TrainingCase c : heldOut) {
                GroundTruth.PatientTruth p = truth.patient(c.pre().patientId());
                if (ProtocolSpace.isValid(c.given())) {
                    clinician.add(SelectionScores.of(c.given(), p.bestProtocol(), p.expectedSurvival(c.given()),
                            p.expectedSurvival(p.bestProtocol())));
                }
            }
            selection.add(SelectionSummary.of("(reference) the clinician's given protocol", clinician));
            StringBuilder csv = new StringBuilder("patient,true_best,given");
            choosers.forEach(ch -> csv.append(",\"").append(ch.name()).append('"'));
            csv.append('\n');
            choices.values().forEach(row -> csv.append(String.join(",", row)).append('\n'));
            Files.writeString(out.resolve("choices.csv"), csv, StandardCharsets.UTF_8);
            writeRankings(out.resolve("rankings.csv"), worldModel.rankings(), truth);
        }
        String setup = (validationFraction > 0 ? "VALIDATION (patients not held out; not for reporting). " : "")
                + String.format(Locale.ROOT, "Setup: %d synthetic patients (seed %d), %d^3 crops, %d training"
                + " cases, %d held out; dynamics %d epochs, %d member(s); K = %d simulations per protocol (per member"
                + " %s); disagreement weight %s; all %d valid protocols ranked; world model %s; scorer %s, C-index on"
                + " training %.3f.", patients, seed, crop, training.size(), heldOut.size(), epochs,
                bundle.ensembleSize(), k, plannerConfig.drawsForMember(0, bundle.ensembleSize()) + (k % bundle
                .ensembleSize() == 0 || k < bundle.ensembleSize() ? "" : " or fewer"), disagreement,
                ProtocolSpace.VALID_COUNT, bundle.id().substring(0, 12), scorerSpec.label(),
                bundle.scorer().concordance());
        return new Result(setup, simulation, selection, timings);
    }

    /**
     * Every evaluated patient's full ranking, one row per (patient, protocol), beside the truth's expected survival
     * under that protocol: the material to audit a choice, or to study another toxicity charge without simulating
     * again (the risk is linear in the features, and only the simulated viable volume and the protocol's own
     * columns differ between one patient's protocols).
     */
    static void writeRankings(Path file, Map<String, PlanResult> rankings, GroundTruth truth) throws IOException {
        StringBuilder csv = new StringBuilder("patient,rank,protocol,risk,risk_low,risk_high,member_sd,"
                + "intensity,true_expected_survival_days,true_best\n");
        rankings.forEach((patient, result) -> {
            GroundTruth.PatientTruth p = truth.patient(patient);
            for (RankedPlan plan : result.plans()) {
                TaceProtocol protocol = TaceProtocol.parse(plan.protocol());
                csv.append(String.format(Locale.ROOT, "%s,%d,\"%s\",%.6f,%.6f,%.6f,%.6f,%.0f,%.3f,%b%n", patient,
                        plan.rank(), plan.protocol(), plan.risk(), plan.riskLow(), plan.riskHigh(),
                        plan.memberDisagreement(), ScorerFeatures.intensity(protocol), p.expectedSurvival(protocol),
                        protocol.equals(p.bestProtocol())));
            }
        });
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /**
     * The world model's training configuration: {@link WorldModelTrainingConfig#defaults}, with
     * {@code -Dmewm.tumourCtWeight=W}, {@code -Dmewm.interactionDecay=D} and {@code -Dmewm.ensembleSize=N}
     * overriding the tumour weight of the CT error, the interaction ridge and the number of dynamics models, and
     * {@code -Dmewm.drugClasses=D} turning on drug-class columns with a per-drug interaction ridge D (for
     * validation runs).
     */
    static WorldModelTrainingConfig trainingConfig(int crop, int epochs, long seed) {
        // -Dmewm.trainingSeed=S trains the dynamics model with another seed on the same cohort (seed-to-seed spread).
        long trainingSeed = Long.getLong("mewm.trainingSeed", seed);
        WorldModelTrainingConfig defaults = WorldModelTrainingConfig.defaults(crop, epochs, trainingSeed);
        TrainingConfig dynamics = defaults.dynamics();
        String weight = System.getProperty("mewm.tumourCtWeight");
        if (weight != null) {
            dynamics = dynamics.withTumourCtWeight(Double.parseDouble(weight));
        }
        String decay = System.getProperty("mewm.interactionDecay");
        if (decay != null) {
            dynamics = dynamics.withInteractionDecay(Double.parseDouble(decay));
        }
        DynamicsArchitecture architecture = defaults.architecture();
        // -Dmewm.drugClasses=D: drug-class columns in the conditioning and a ridge D on the per-drug interactions.
        String drugClasses = System.getProperty("mewm.drugClasses");
        if (drugClasses != null) {
            architecture = architecture.withDrugClassColumns(true);
            dynamics = dynamics.withDrugInteractionDecay(Double.parseDouble(drugClasses));
        }
        // -Dmewm.drugMainDecay=D: a ridge D on the per-drug main-effect weights too.
        String drugMain = System.getProperty("mewm.drugMainDecay");
        if (drugMain != null) {
            dynamics = dynamics.withDrugMainDecay(Double.parseDouble(drugMain));
        }
        int members = Integer.getInteger("mewm.ensembleSize", defaults.ensembleSize());
        return new WorldModelTrainingConfig(architecture, dynamics, members);
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
    }
}
