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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exported ONNX graph computes what the DJL network computes, on random weights and inputs. */
class OnnxExportAgreementTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "drug-class columns {0}")
    @ValueSource(booleans = {false, true})
    void djlAndOnnxRuntimeAgreeWithin1e4OnEveryOutput(boolean drugClassColumns) throws Exception {
        DynamicsArchitecture architecture = new DynamicsArchitecture(32, 4, 8, 16, 4, drugClassColumns);
        DynamicsWeights weights = randomised(ParameterLayout.initial(architecture, 5), 6);
        Random random = new Random(7);
        int voxels = 32 * 32 * 32;
        float[] pre = new float[voxels];
        float[] mask = new float[voxels];
        for (int i = 0; i < voxels; i++) {
            pre[i] = random.nextFloat();
            mask[i] = random.nextFloat() < 0.2 ? 1f : 0f;
        }
        List<float[]> protocols = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            float[] protocol = new float[14];
            for (int j = 0; j < 14; j++) {
                protocol[j] = random.nextBoolean() ? 1f : 0f;
            }
            protocols.add(protocol);
        }
        Path file = dir.resolve("dynamics.onnx");
        DynamicsOnnxExporter.write(weights, file);

        int draws = 2;
        try (WorldModelSession session = WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CPU, 1, 32, 4))) {
            List<Simulation> onnx = session.simulate(pre, mask, protocols, draws, 11);
            float[][] noise = session.noise(11, draws);
            float[][] protocolRows = new float[protocols.size() * draws][];
            float[][] noiseRows = new float[protocols.size() * draws][];
            for (int row = 0; row < protocolRows.length; row++) {
                protocolRows[row] = protocols.get(row / draws);
                noiseRows[row] = noise[row % draws];
            }
            DjlDynamicsPredictor.Prediction djl = new DjlDynamicsPredictor(weights).predict(pre, mask, protocolRows,
                    noiseRows);

            assertThat(onnx).hasSize(6);
            double worst = 0;
            double spreadCt = 0;
            for (int row = 0; row < onnx.size(); row++) {
                Simulation simulation = onnx.get(row);
                assertThat(simulation.protocolIndex()).isEqualTo(row / draws);
                assertThat(simulation.draw()).isEqualTo(row % draws);
                assertThat(simulation.executionProvider()).isEqualTo("CPU");
                for (int i = 0; i < voxels; i++) {
                    worst = Math.max(worst, Math.abs(simulation.postCt()[i] - djl.postCt()[row][i]));
                    worst = Math.max(worst, Math.abs(simulation.postMask()[i] - djl.postMask()[row][i]));
                    spreadCt = Math.max(spreadCt, Math.abs(djl.postCt()[row][i] - pre[i]));
                }
            }
            assertThat(worst).as("largest |ONNX - DJL| over both outputs").isLessThan(1e-4);
            assertThat(spreadCt).as("the network changes the CT at all, so agreement means something")
                    .isGreaterThan(0.05);
        }
    }

    /** Initial weights with every parameter (biases and the small heads too) perturbed, so no path is zero. */
    static DynamicsWeights randomised(DynamicsWeights weights, long seed) {
        Random random = new Random(seed);
        List<NamedTensor> tensors = new ArrayList<>();
        for (NamedTensor tensor : weights.tensors()) {
            float[] values = tensor.values().clone();
            for (int i = 0; i < values.length; i++) {
                values[i] += (float) (0.2 * random.nextGaussian());
            }
            tensors.add(new NamedTensor(tensor.name(), tensor.shape(), values));
        }
        return new DynamicsWeights(weights.architecture(), tensors);
    }
}
