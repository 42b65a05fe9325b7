package dev.vigil.worldmodel.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.worldmodel.onnx.ExecutionProviderChoice;
import dev.vigil.worldmodel.onnx.SessionConfig;
import dev.vigil.worldmodel.onnx.Simulation;
import dev.vigil.worldmodel.onnx.WorldModelSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defect MeWM's released code had (the protocol replaced by noise) must not happen here: trained briefly on
 * synthetic tumours whose true shrinkage depends on the protocol, the model predicts smaller tumours for
 * stronger protocols on held-out patients, in DJL and in the exported ONNX model alike.
 */
class ProtocolConditioningTest {

    static final int SIZE = 32;
    static final DynamicsArchitecture ARCHITECTURE = new DynamicsArchitecture(SIZE, 2, 8, 16, 4);
    static final float[] WEAK = ProtocolVocabulary.multiHot(List.of("mitomycin", "lipiodol"));
    static final float[] MEDIUM = ProtocolVocabulary.multiHot(List.of("epirubicin", "lipiodol", "gelatin_sponge"));
    static final float[] STRONG = ProtocolVocabulary.multiHot(
            List.of("epirubicin", "cisplatin", "lipiodol", "absolute_alcohol"));
    static final float[] EPIRUBICIN = ProtocolVocabulary.multiHot(List.of("epirubicin", "lipiodol"));
    static final float[] CISPLATIN = ProtocolVocabulary.multiHot(List.of("cisplatin", "lipiodol"));
    static final int DRAWS = 4;

    static TrainedDynamicsModel model;
    static List<SyntheticTumours.Patient> heldOut;

    @TempDir
    static Path dir;

    @BeforeAll
    static void train() {
        long start = System.nanoTime();
        List<WorldModelSample> samples = SyntheticTumours.samples(64, SIZE, WorldModelBenchmark.mewmProtocols(), 1);
        model = new DynamicsTrainer(ARCHITECTURE, new TrainingConfig(3, 12, 8, 1e-2, 10, 1, 0.05))
                .train(samples, report -> System.out.println(report));
        System.out.printf("trained in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Random random = new Random(99);
        heldOut = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            heldOut.add(SyntheticTumours.patient(SIZE, random));
        }
    }

    @Test
    void strongerProtocolsGiveSmallerSimulatedTumoursLikeTheTruth() {
        DjlDynamicsPredictor predictor = new DjlDynamicsPredictor(model.weights());
        double[] meanVolume = new double[3];
        double[] trueVolume = new double[3];
        float[][] protocols = {WEAK, MEDIUM, STRONG};
        for (SyntheticTumours.Patient patient : heldOut) {
            double[] volume = new double[3];
            for (int p = 0; p < 3; p++) {
                volume[p] = meanTumourVoxels(predictor, patient, protocols[p]);
                meanVolume[p] += volume[p] / heldOut.size();
                trueVolume[p] += 4 / 3.0 * Math.PI * Math.pow(SyntheticTumours.expectedPostRadius(patient,
                        protocols[p]), 3) / heldOut.size();
            }
            assertThat(volume[2]).as("strong vs weak protocol, patient %s", patient.radius())
                    .isLessThan(0.8 * volume[0]);
        }
        System.out.printf("mean simulated tumour voxels weak/medium/strong %.0f / %.0f / %.0f;"
                + " truth %.0f / %.0f / %.0f%n",
                meanVolume[0], meanVolume[1], meanVolume[2], trueVolume[0], trueVolume[1], trueVolume[2]);
        assertThat(trueVolume[0]).isGreaterThan(trueVolume[1]).isGreaterThan(trueVolume[2]);
        assertThat(meanVolume[0]).isGreaterThan(meanVolume[1]);
        assertThat(meanVolume[1]).isGreaterThan(meanVolume[2]);
        // Not just ordered: the simulated change follows the true change in size.
        assertThat(meanVolume[2] / meanVolume[0]).isLessThan(0.7);
    }

    /**
     * The drug x phenotype interaction (docs/world-model.md, "Conditioning"): in the truth, the platinum agent
     * shrinks dim tumours more than the anthracycline and bright tumours less. The model must rank the two drugs
     * the other way round on dim and bright held-out tumours, in the true direction.
     */
    @Test
    void theBetterDrugClassDependsOnTheTumoursBrightnessLikeTheTruth() {
        DjlDynamicsPredictor predictor = new DjlDynamicsPredictor(model.weights());
        Random random = new Random(123);
        for (double brightness : new double[] {0.57, 0.6, 0.8, 0.83}) {
            SyntheticTumours.Patient patient = SyntheticTumours.patient(SIZE, random, brightness);
            double anthracycline = meanTumourVoxels(predictor, patient, EPIRUBICIN);
            double platinum = meanTumourVoxels(predictor, patient, CISPLATIN);
            double trueAnthracycline = SyntheticTumours.expectedPostRadius(patient, EPIRUBICIN);
            double truePlatinum = SyntheticTumours.expectedPostRadius(patient, CISPLATIN);
            System.out.printf("brightness %.2f: simulated voxels epirubicin %.0f, cisplatin %.0f; true radius %.2f,"
                    + " %.2f%n", brightness, anthracycline, platinum, trueAnthracycline, truePlatinum);
            if (brightness < 0.7) {
                assertThat(truePlatinum).isLessThan(trueAnthracycline);
                assertThat(platinum).as("dim tumour %.2f: platinum beats the anthracycline", brightness)
                        .isLessThan(anthracycline);
            } else {
                assertThat(trueAnthracycline).isLessThan(truePlatinum);
                assertThat(anthracycline).as("bright tumour %.2f: the anthracycline beats platinum", brightness)
                        .isLessThan(platinum);
            }
        }
    }

    @Test
    void theOnnxModelReproducesTheProtocolEffect() throws Exception {
        Path file = dir.resolve("conditioning.onnx");
        DynamicsOnnxExporter.write(model.weights(), file);
        DjlDynamicsPredictor predictor = new DjlDynamicsPredictor(model.weights());
        try (WorldModelSession session = WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CPU, 1, SIZE, 16))) {
            SyntheticTumours.Patient patient = heldOut.get(0);
            List<Simulation> simulations = session.simulate(patient.pre(), patient.mask(),
                    List.of(WEAK, MEDIUM, STRONG), DRAWS, 5);
            double[] onnx = new double[3];
            for (Simulation simulation : simulations) {
                onnx[simulation.protocolIndex()] += simulation.tumourVoxels() / DRAWS;
            }
            assertThat(onnx[0]).isGreaterThan(onnx[1]);
            assertThat(onnx[1]).isGreaterThan(onnx[2]);
            float[][] noise = session.noise(5, DRAWS);
            float[][] protocols = {WEAK, MEDIUM, STRONG};
            for (int p = 0; p < 3; p++) {
                float[][] rows = {protocols[p], protocols[p], protocols[p], protocols[p]};
                double djl = 0;
                for (float[] mask : predictor.predict(patient.pre(), patient.mask(), rows, noise).postMask()) {
                    djl += sum(mask) / DRAWS;
                }
                assertThat(onnx[p]).isCloseTo(djl, org.assertj.core.data.Offset.offset(1e-2 * djl + 1e-3));
            }
        }
    }

    @Test
    void noiseChangesTheOutcomeAndTheSameSeedReproducesIt() throws Exception {
        Path file = dir.resolve("noise.onnx");
        DynamicsOnnxExporter.write(model.weights(), file);
        try (WorldModelSession session = WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CPU, 1, SIZE, 3))) {
            SyntheticTumours.Patient patient = heldOut.get(1);
            List<Simulation> first = session.simulate(patient.pre(), patient.mask(), List.of(MEDIUM), 2, 7);
            List<Simulation> again = session.simulate(patient.pre(), patient.mask(), List.of(MEDIUM), 2, 7);
            List<Simulation> other = session.simulate(patient.pre(), patient.mask(), List.of(MEDIUM), 2, 8);
            assertThat(again.get(0).postCt()).containsExactly(first.get(0).postCt());
            assertThat(again.get(1).postMask()).containsExactly(first.get(1).postMask());
            // After this short training the decoder uses the noise little (the KL term keeps the posterior close
            // to the prior), so the differences are small; they must not be zero.
            assertThat(maxDifference(first.get(0).postMask(), first.get(1).postMask()))
                    .as("two noise draws of one seed").isGreaterThan(1e-6);
            assertThat(maxDifference(first.get(0).postCt(), other.get(0).postCt())
                    + maxDifference(first.get(0).postMask(), other.get(0).postMask()))
                    .as("another seed").isGreaterThan(1e-6);
        }
    }

    private static double meanTumourVoxels(DjlDynamicsPredictor predictor, SyntheticTumours.Patient patient,
            float[] protocol) {
        Random random = new Random(17);
        float[][] noise = new float[DRAWS][ARCHITECTURE.noiseDim()];
        float[][] rows = new float[DRAWS][];
        for (int k = 0; k < DRAWS; k++) {
            rows[k] = protocol;
            for (int j = 0; j < noise[k].length; j++) {
                noise[k][j] = (float) random.nextGaussian();
            }
        }
        double total = 0;
        for (float[] mask : predictor.predict(patient.pre(), patient.mask(), rows, noise).postMask()) {
            total += sum(mask);
        }
        return total / DRAWS;
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    private static double maxDifference(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
