package dev.vigil.worldmodel.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vigil.worldmodel.protocol.TaceComponent.DrugClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixed drug-class columns: the matrix, the conditioning input that reads them, and the ridge that shrinks
 * only the per-drug interactions, against values worked out by hand.
 */
class DrugClassColumnsTest {

    /** 16^3 crop, 2 noise values: conditioning width (14 + 2) + 2 + (14 + 2) x 3 = 66. */
    static final DynamicsArchitecture WITH_CLASSES = new DynamicsArchitecture(16, 4, 4, 8, 2, true);

    @Test
    void onlyClassesWithTwoOrMoreDrugsGetAColumn() {
        assertThat(DrugClassColumns.CLASSES).containsExactly(DrugClass.PLATINUM, DrugClass.ANTHRACYCLINE);
        assertThat(DrugClassColumns.drugTerms()).isEqualTo(9);
    }

    @Test
    void handWrittenProtocolsMapToTheirClassCounts() {
        // Cisplatin + epirubicin + Lipiodol: one platinum, one anthracycline.
        assertThat(DrugClassColumns.of(hot("cisplatin", "epirubicin", "lipiodol"))).containsExactly(1f, 1f);
        // Two platinum agents are counted twice; idarubicin and pirarubicin are both anthracyclines.
        assertThat(DrugClassColumns.of(hot("oxaliplatin", "lobaplatin", "lipiodol"))).containsExactly(2f, 0f);
        assertThat(DrugClassColumns.of(hot("idarubicin", "pirarubicin"))).containsExactly(0f, 2f);
        assertThat(DrugClassColumns.of(hot("nedaplatin", "gelatin_sponge", "pva"))).containsExactly(1f, 0f);
        // Classes of one drug (antimetabolite, alkylating) and embolics have no column.
        assertThat(DrugClassColumns.of(hot("raltitrexed", "mitomycin", "lipiodol", "nbca")))
                .containsExactly(0f, 0f);
        assertThatThrownBy(() -> DrugClassColumns.of(new float[13])).hasMessageContaining("13 entries");
    }

    @Test
    void theConditioningAppendsTheClassColumnsAndTheirPhenotypeProducts() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray protocols = manager.create(concat(hot("lobaplatin", "lipiodol"),
                    hot("pirarubicin", "cisplatin", "lipiodol")), new Shape(2, 14));
            NDArray noise = manager.create(new float[] {0.5f, -0.5f, 0.25f, -0.25f}, new Shape(2, 2));
            NDArray phenotype = manager.create(new float[] {2f, -1f, 3f}, new Shape(1, 3));
            NDArray cond = new DynamicsNetwork(WITH_CLASSES, new HashMap<>())
                    .conditioning(protocols, noise, phenotype);
            assertThat(DynamicsNetwork.conditioningWidth(WITH_CLASSES)).isEqualTo(66);
            assertThat(cond.getShape()).isEqualTo(new Shape(2, 66));
            float[] rows = cond.toFloatArray();
            float[] first = Arrays.copyOfRange(rows, 0, 66);
            float[] second = Arrays.copyOfRange(rows, 66, 132);
            // Terms: 14 multi-hot, then platinum (14) and anthracycline (15); noise at 16, 17.
            assertThat(first[3]).as("lobaplatin").isEqualTo(1f);
            assertThat(first[14]).as("platinum").isEqualTo(1f);
            assertThat(first[15]).as("anthracycline").isEqualTo(0f);
            assertThat(first[16]).as("noise").isEqualTo(0.5f);
            assertThat(second[14]).isEqualTo(1f);
            assertThat(second[15]).isEqualTo(1f);
            // Products of term t with feature f at 18 + 3 t + f: platinum x (2, -1, 3) at 60..62.
            assertThat(Arrays.copyOfRange(first, 60, 63)).containsExactly(2f, -1f, 3f);
            for (int column = 63; column < 66; column++) {
                assertThat(Math.abs(first[column])).as("anthracycline product %d", column).isEqualTo(0f);
            }
            assertThat(Arrays.copyOfRange(second, 63, 66)).containsExactly(2f, -1f, 3f);
            // Lobaplatin (term 3) x phenotype at 27..29.
            assertThat(Arrays.copyOfRange(first, 27, 30)).containsExactly(2f, -1f, 3f);
        }
    }

    @Test
    void theDrugRidgeCountsOnlyPerDrugProductWeights() {
        int width = DynamicsNetwork.conditioningWidth(WITH_CLASSES);
        assertThat(DynamicsNetwork.drugInteractionColumns(WITH_CLASSES)).containsExactly(18, 45);
        assertThat(DynamicsNetwork.interactionColumns(WITH_CLASSES)).containsExactly(18, 66);
        float[] w = new float[8 * width];
        w[0 * width + 0] = 7f;   // raltitrexed main effect: never penalised
        w[1 * width + 17] = 3f;  // noise: never penalised
        w[2 * width + 18] = 2f;  // raltitrexed x intensity: both ridges
        w[3 * width + 44] = 1f;  // cisplatin x tumour share: both ridges
        w[4 * width + 45] = 4f;  // Lipiodol x intensity: interaction ridge only
        w[5 * width + 60] = 5f;  // platinum x intensity: interaction ridge only
        w[6 * width + 14] = 6f;  // platinum main effect: never penalised
        w[7 * width + 8] = 0.5f; // cisplatin main effect: main-effect ridge only
        TrainingConfig config = new TrainingConfig(1, 1, 1, 1e-3, 1, 1, 1, 0, 0.5, 0.25, 0);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray weights = manager.create(w, new Shape(8, width));
            NDArray loss = manager.create(1f);
            // 1 + 0.5 (2^2 + 1^2 + 4^2 + 5^2) + 0.25 (2^2 + 1^2) = 1 + 23 + 1.25 = 25.25
            assertThat((double) DynamicsTrainer.withRidge(WITH_CLASSES, config, weights, loss).getFloat())
                    .isCloseTo(25.25, within(1e-5));
            // Only the drug ridge: 1 + 0.25 x 5 = 2.25.
            assertThat((double) DynamicsTrainer.withRidge(WITH_CLASSES, config.withInteractionDecay(0), weights,
                    loss).getFloat()).isCloseTo(2.25, within(1e-6));
            // Only the main-effect ridge 0.1: 1 + 0.1 (7^2 + 0.5^2) = 1 + 4.925 = 5.925.
            TrainingConfig main = config.withInteractionDecay(0).withDrugInteractionDecay(0).withDrugMainDecay(0.1);
            assertThat((double) DynamicsTrainer.withRidge(WITH_CLASSES, main, weights, loss).getFloat())
                    .isCloseTo(5.925, within(1e-5));
        }
        assertThatThrownBy(() -> config.withDrugInteractionDecay(-0.1)).hasMessageContaining("drugInteractionDecay");
        assertThatThrownBy(() -> config.withDrugMainDecay(Double.NaN)).hasMessageContaining("drugMainDecay");
    }

    @Test
    void theDrugRidgeShrinksPerDrugInteractionsAndSparesTheClassesDuringTraining() {
        List<WorldModelSample> samples = SyntheticTumours.samples(8, 16, WorldModelBenchmark.mewmProtocols(), 5);
        TrainingConfig plain = new TrainingConfig(1, 3, 4, 1e-2, 10, 1, 0.05);
        TrainedDynamicsModel free = new DynamicsTrainer(WITH_CLASSES, plain).train(samples, TrainingListener.NONE);
        TrainedDynamicsModel ridged = new DynamicsTrainer(WITH_CLASSES, plain.withDrugInteractionDecay(0.1))
                .train(samples, TrainingListener.NONE);
        NamedTensor freeW = free.weights().get("cond.w");
        NamedTensor ridgedW = ridged.weights().get("cond.w");
        assertThat(DynamicsTrainerTest.sumOfSquares(ridgedW, 18, 45)).as("per-drug products with the ridge")
                .isLessThan(0.8 * DynamicsTrainerTest.sumOfSquares(freeW, 18, 45));
        assertThat(DynamicsTrainerTest.sumOfSquares(ridgedW, 60, 66)).as("class products are not penalised")
                .isGreaterThan(0.8 * DynamicsTrainerTest.sumOfSquares(freeW, 60, 66));
    }

    @Test
    void filesWithClassColumnsRoundTripAndSayTheirFormat(@TempDir Path dir)
            throws Exception {
        List<WorldModelSample> samples = SyntheticTumours.samples(4, 16, WorldModelBenchmark.mewmProtocols(), 6);
        TrainedDynamicsModel model = new DynamicsTrainer(WITH_CLASSES,
                new TrainingConfig(3, 1, 4, 5e-3, 10, 1, 0.05).withDrugInteractionDecay(0.02))
                .train(samples, TrainingListener.NONE);
        assertThat(model.weights().get("cond.w").shape()).containsExactly(8, 66);
        DynamicsModelFiles.save(model, dir);
        TrainedDynamicsModel loaded = DynamicsModelFiles.load(dir);
        assertThat(loaded.weights().architecture()).isEqualTo(WITH_CLASSES);
        assertThat(loaded.config().drugInteractionDecay()).isEqualTo(0.02);

        Path manifest = dir.resolve(DynamicsModelFiles.MANIFEST);
        String text = Files.readString(manifest);
        assertThat(text).contains("\"vigil-dynamics/3\"");
        Files.writeString(manifest, text.replace("vigil-dynamics/3", "vigil-dynamics/2"));
        assertThatThrownBy(() -> DynamicsModelFiles.load(dir)).hasMessageContaining("dynamics-manifest.json")
                .hasMessageContaining("'vigil-dynamics/2'").hasMessageContaining("vigil-dynamics/3");
    }

    private static float[] hot(String... terms) {
        return ProtocolVocabulary.multiHot(List.of(terms));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
