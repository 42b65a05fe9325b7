package dev.vigil.worldmodel.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.safety.contraindication.ChildPughClass;
import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Volume;
import dev.vigil.worldmodel.volume.VolumeGeometry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A world model trained on a 30-patient 16^3 cohort, planning through ONNX Runtime. */
class TacePlannerTest {

    private static final int CROP = 16;

    @TempDir
    static Path dir;
    static SyntheticCohort cohort;
    static List<TrainingCase> training;
    static WorldModelBundle bundle;
    static TacePlanner planner;
    static HccCase patient;

    @BeforeAll
    static void train() throws IOException {
        cohort = SyntheticCohort.generate(dir.resolve("cohort"), 30, 31, CROP);
        training = HccCases.trainingCases(cohort.data(), cohort.dir());
        bundle = WorldModelTrainer.train(training, WorldModelTrainingConfig.defaults(CROP, 6, 5).withEnsembleSize(1),
                null);
        planner = new TacePlanner(bundle, new PlannerConfig(4, 9, ExecutionProviderChoice.CPU, 3, 0));
        patient = clean(training.get(0).pre());
    }

    @AfterAll
    static void close() {
        planner.close();
    }

    /** The case with Child-Pugh A 5 so that no contraindication holds. */
    private static HccCase clean(HccCase c) {
        TaceCovariates x = c.covariates();
        return new HccCase(c.patientId(), c.preCt(), c.preMask(), new TaceCovariates(ChildPughClass.A, 5, 0.8,
                x.albumin(), x.inr(), x.platelets(), x.creatinine(), x.afp(), x.ecog(), x.bclcStage(),
                x.portalVeinThrombus(), x.lesionCount(), x.largestDiameterCm()));
    }

    @Test
    void ranksEveryValidProtocolWithIntervalsCurvesAndImages() {
        PlanResult result = planner.plan(patient);

        assertThat(result.plans()).hasSize(ProtocolSpace.VALID_COUNT);
        Set<String> labels = new HashSet<>();
        for (int r = 0; r < result.plans().size(); r++) {
            RankedPlan plan = result.plans().get(r);
            assertThat(plan.rank()).isEqualTo(r + 1);
            assertThat(ProtocolSpace.isValid(TaceProtocol.parse(plan.protocol()))).isTrue();
            labels.add(plan.protocol());
            assertThat(plan.riskLow()).isLessThanOrEqualTo(plan.risk());
            assertThat(plan.risk()).isLessThanOrEqualTo(plan.riskHigh());
            assertThat(plan.curveDays()).hasSameSizeAs(plan.curveSurvival()).isNotEmpty();
            if (r > 0) {
                assertThat(plan.risk()).isGreaterThanOrEqualTo(result.plans().get(r - 1).risk());
            }
            assertThat(plan.preTumourMl()).isPositive();
        }
        assertThat(labels).hasSize(ProtocolSpace.VALID_COUNT);
        // The protocol matters: simulated tumour volumes differ between protocols.
        double minMl = result.plans().stream().mapToDouble(RankedPlan::predictedTumourMl).min().orElseThrow();
        double maxMl = result.plans().stream().mapToDouble(RankedPlan::predictedTumourMl).max().orElseThrow();
        assertThat(maxMl - minMl).isGreaterThan(0.01 * maxMl);
        assertThat(result.executionProvider()).isEqualTo("CPU");
        assertThat(result.worldModelId()).isEqualTo(bundle.id());
        assertThat(result.contraindicationRuleSet()).startsWith("tace-contraindications 1.0.0 sha256:");
        assertThat(result.unknownChecks()).anyMatch(u -> u.startsWith("tace.ecog-3-or-more: "));
        assertThat(result.recommendable()).isTrue();
        assertThat(result.plans().get(0).recommended()).isTrue();
        assertThat(result.plans().subList(1, 180)).noneMatch(RankedPlan::recommended);
        // Images for the top 3 plans: PNG slices of pre and mean simulated post.
        PlanImages images = result.images(1);
        assertThat(images.depth()).isEqualTo(CROP);
        byte[] png = images.slicePng("post", CROP / 2);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(images.postMask().geometry()).isEqualTo(patient.preCt().geometry());
        assertThatThrownBy(() -> result.images(4)).hasMessageContaining("ranks 1 to 3");
        assertThatThrownBy(() -> images.slicePng("during", 0)).hasMessageContaining("'during'");
    }

    @Test
    void sameSeedSameRankingAndKGivesTheIntervals() {
        PlanResult a = planner.plan(patient);
        PlanResult b = planner.plan(patient);
        for (int r = 0; r < a.plans().size(); r++) {
            assertThat(b.plans().get(r).protocol()).isEqualTo(a.plans().get(r).protocol());
            assertThat(b.plans().get(r).risk()).isEqualTo(a.plans().get(r).risk());
        }
        assertThat(a.plans()).anyMatch(p -> p.riskHigh() > p.riskLow());
        try (TacePlanner single = new TacePlanner(bundle, new PlannerConfig(1, 9, ExecutionProviderChoice.CPU, 0, 0));
                TacePlanner otherSeed = new TacePlanner(bundle,
                        new PlannerConfig(4, 10, ExecutionProviderChoice.CPU, 0, 0))) {
            assertThat(single.plan(patient).plans())
                    .allMatch(p -> p.riskLow() == p.risk() && p.risk() == p.riskHigh());
            PlanResult c = otherSeed.plan(patient);
            assertThat(c.plans().stream().mapToDouble(RankedPlan::risk).sum())
                    .isNotEqualTo(a.plans().stream().mapToDouble(RankedPlan::risk).sum());
        }
    }

    @Test
    void contraindicatedPatientIsShownButNeverRecommended() {
        TaceCovariates x = patient.covariates();
        HccCase childPughC = new HccCase(patient.patientId(), patient.preCt(), patient.preMask(),
                new TaceCovariates(ChildPughClass.C, 11, 3.4, x.albumin(), x.inr(), x.platelets(), x.creatinine(),
                        x.afp(), x.ecog(), x.bclcStage(), x.portalVeinThrombus(), x.lesionCount(),
                        x.largestDiameterCm()));
        PlanResult result = planner.plan(childPughC);

        assertThat(result.recommendable()).isFalse();
        assertThat(result.plans()).hasSize(ProtocolSpace.VALID_COUNT).noneMatch(RankedPlan::recommended);
        assertThat(result.contraindications()).anyMatch(c -> c.startsWith("tace.child-pugh-c: "))
                .anyMatch(c -> c.startsWith("tace.bilirubin-above-3: "));
        assertThat(result.plans()).allMatch(p -> p.safetyFlags().equals(result.contraindications()));
    }

    @Test
    void beamSearchRanksFewerProtocolsStartingFromEverySingleDrug() {
        try (TacePlanner beam = new TacePlanner(bundle, new PlannerConfig(2, 9, ExecutionProviderChoice.CPU, 1, 2))) {
            PlanResult result = beam.plan(patient);
            assertThat(result.plans().size()).isBetween(9 + 1, ProtocolSpace.VALID_COUNT - 1);
            assertThat(result.plans()).allMatch(p -> ProtocolSpace.isValid(TaceProtocol.parse(p.protocol())));
            assertThat(result.plans().stream().map(RankedPlan::protocol))
                    .contains("Raltitrexed; Lipiodol", "Cisplatin; Lipiodol", "Mitomycin; Lipiodol");
        }
    }

    @Test
    void bundleRoundTripsThroughItsFolder() throws IOException {
        Path folder = dir.resolve("bundle");
        bundle.save(folder);
        WorldModelBundle loaded = WorldModelBundle.load(folder);
        assertThat(loaded.id()).isEqualTo(bundle.id());
        assertThat(loaded.manifest()).containsKeys("trainedOn", "codeVersion", "dynamics", "scorer", "protocolSpace",
                "configSha256", "cropSize").containsEntry("cropSize", "16");
        try (TacePlanner again = new TacePlanner(loaded, new PlannerConfig(4, 9, ExecutionProviderChoice.CPU, 0, 0))) {
            assertThat(again.plan(patient).plans().get(0).risk()).isEqualTo(planner.plan(patient).plans().get(0).risk());
        }
        Files.writeString(folder.resolve(WorldModelBundle.SCORER_FILE), "{}");
        assertThatThrownBy(() -> WorldModelBundle.load(folder)).hasMessageContaining("scorer.json")
                .hasMessageContaining("does not match the manifest");
    }

    @Test
    void trainingIsSeeded() {
        List<TrainingCase> few = training.subList(0, 20);
        WorldModelBundle a = WorldModelTrainer.train(few, WorldModelTrainingConfig.defaults(CROP, 1, 5), null);
        WorldModelBundle b = WorldModelTrainer.train(few, WorldModelTrainingConfig.defaults(CROP, 1, 5), null);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.manifest().get("trainedOn")).isEqualTo(a.manifest().get("trainedOn"));
        // The default is an ensemble whose members differ only in their seeds (5, 6, 7): different networks.
        assertThat(a.ensembleSize()).isEqualTo(WorldModelTrainingConfig.DEFAULT_ENSEMBLE_SIZE);
        assertThat(Set.copyOf(a.memberSha256())).hasSize(WorldModelTrainingConfig.DEFAULT_ENSEMBLE_SIZE);
        assertThat(a.manifest().get("dynamics")).startsWith("ensemble of 3 (seeds 5..7)");
    }

    @Test
    void aSimulatedScorerIsFittedOnTheTrainedDynamicsSimulationOfTheGivenProtocols() {
        List<TrainingCase> few = training.subList(0, 20);
        ScorerSpec spec = ScorerSpec.parse("simulated:frailty");
        WorldModelTrainingConfig config = WorldModelTrainingConfig.defaults(CROP, 1, 5).withEnsembleSize(1)
                .withScorer(spec);
        WorldModelBundle trained = WorldModelTrainer.train(few, config, null);

        assertThat(trained.scorer().source()).isEqualTo(ScorerSpec.Source.SIMULATED);
        assertThat(trained.scorer().featureNames()).isEqualTo(ScorerSpec.FRAILTY_COLUMNS);
        assertThat(trained.manifest().get("config")).endsWith(" scorer=simulated:frailty");
        // Refitting by hand on the bundle's own dynamics, simulated as the config says, gives the same scorer.
        try (TacePlanner own = new TacePlanner(trained, config.scorerSimulation())) {
            SurvivalScorer again = ScorerFit.simulated(few, own, spec.columns());
            assertThat(trained.scorer().coefficients()).containsExactly(again.coefficients(), within(1e-12));
        }
        WorldModelBundle measured = WorldModelTrainer.train(few, config.withScorer(ScorerSpec.defaults()), null);
        assertThat(measured.scorer().source()).isEqualTo(ScorerSpec.Source.MEASURED);
        assertThat(measured.manifest().get("config")).doesNotContain("scorer=");
        assertThat(measured.memberSha256()).isEqualTo(trained.memberSha256());
    }

    @Test
    void badProtocolsAndShapesAreNamed() {
        assertThatThrownBy(() -> planner.score(patient, List.of("Epirubicin; Doxorubicin; Lipiodol")))
                .hasMessageContaining("'Doxorubicin' is not a TACE drug or embolic agent");
        assertThatThrownBy(() -> planner.score(patient, List.of("Oxaliplatin; Cisplatin; Lipiodol")))
                .hasMessageContaining("tace.platinum-exclusive");
        assertThat(planner.score(patient, List.of("Epirubicin; Lipiodol", "Cisplatin; Lipiodol; PVA")))
                .hasSize(2).noneMatch(RankedPlan::recommended);
        VolumeGeometry g = VolumeGeometry.axisAligned(8, 8, 8, 1, 1, 1);
        Mask mask = Mask.empty(g);
        mask.set(4, 4, 4, true);
        HccCase small = new HccCase("tiny", Volume.zeros(g), mask, null);
        assertThatThrownBy(() -> planner.plan(small))
                .hasMessageContaining("patient tiny pre-treatment CT has shape 8x8x8")
                .hasMessageContaining("16x16x16");
    }
}
