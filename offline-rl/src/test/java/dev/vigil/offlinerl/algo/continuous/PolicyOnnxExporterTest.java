package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyOnnxExporterTest {

    @Test
    void onnxRuntimeReproducesTheSnapshot(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        Mlp tanhNet = new Mlp(new int[] {4, 16, 16, 2}, MlpSnapshot.Activation.TANH);
        tanhNet.initialise(rng, 1.0);
        // Dataset-like scaling: features in the hundreds, doses in mL.
        MlpSnapshot snapshot = tanhNet.snapshot(new double[] {0.01, 0.5, 2, 1}, new double[] {-1, 0.2, 0, -0.3},
                new double[] {1000, 0.4}, new double[] {1000, 0.4});
        check(snapshot, dir.resolve("tanh.onnx"), rng, 4);

        Mlp reluNet = new Mlp(new int[] {3, 8, 1}, MlpSnapshot.Activation.IDENTITY);
        reluNet.initialise(rng, 1.0);
        MlpSnapshot relu = reluNet.snapshot(new double[] {1, 1, 1}, new double[3], new double[] {2},
                new double[] {-1});
        MlpSnapshot withRelu = new MlpSnapshot(java.util.List.of(new MlpSnapshot.Layer(3, 8,
                relu.layers().get(0).weights(), relu.layers().get(0).bias(), MlpSnapshot.Activation.RELU),
                relu.layers().get(1)), relu.inputScale(), relu.inputShift(), relu.outputScale(), relu.outputShift());
        check(withRelu, dir.resolve("relu.onnx"), rng, 3);

        // The policy networks' bounded tanh: large weights so that many outputs sit on the clipped ends.
        Mlp boundedNet = new Mlp(new int[] {3, 8, 2}, MlpSnapshot.Activation.BOUNDED_TANH);
        boundedNet.initialise(rng, 20.0);
        MlpSnapshot bounded = boundedNet.snapshot(new double[] {0.05, 0.05, 0.05}, new double[3],
                new double[] {500, 0.5}, new double[] {500, 0.5});
        check(bounded, dir.resolve("bounded.onnx"), rng, 3);
    }

    @Test
    void boundedTanhReachesTheRangeEndsExactly() {
        Mlp net = new Mlp(new int[] {1, 1}, MlpSnapshot.Activation.BOUNDED_TANH);
        net.setParameters(new double[] {1, 0});   // one weight 1, bias 0: output g tanh(x)
        // atanh(1 / 1.05) = 1.857...: beyond it the snapshot gives exactly the end of the range.
        MlpSnapshot snapshot = net.snapshot(new double[] {1}, new double[1], new double[] {2}, new double[] {2});
        assertThat(snapshot.apply(new double[] {-1.9})[0]).isEqualTo(0.0);   // 2 * -1 + 2: exactly "none"
        assertThat(snapshot.apply(new double[] {3})[0]).isEqualTo(4.0);
        assertThat(snapshot.apply(new double[] {0.5})[0]).isCloseTo(2 + 2 * 1.05 * Math.tanh(0.5),
                org.assertj.core.data.Offset.offset(1e-12));
        // The trainable net is unclipped (its gradient never vanishes) ...
        assertThat(net.apply(new double[] {3})[0]).isCloseTo(1.05 * Math.tanh(3), org.assertj.core.data.Offset.offset(1e-12));
        // ... and its derivative is g (1 - tanh^2), checked against a central difference.
        double[][] h = net.forward(new double[] {0.7});
        double[] gradient = new double[2];
        net.backward(h, new double[] {1}, gradient);
        double eps = 1e-6;
        double numeric = (1.05 * Math.tanh(0.7 + eps) - 1.05 * Math.tanh(0.7 - eps)) / (2 * eps);
        assertThat(gradient[1]).isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-8));
    }

    private static void check(MlpSnapshot snapshot, Path file, SplittableRandom rng, int inputs) throws Exception {
        PolicyOnnxExporter.write(snapshot, file);
        assertThat(PolicyOnnxExporter.model(snapshot).getIrVersion()).isEqualTo(8);
        int n = 50;
        float[][] x = new float[n][inputs];
        for (float[] row : x) {
            for (int j = 0; j < inputs; j++) {
                row[j] = (float) rng.nextDouble(-150, 150);
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, x);
                OrtSession.Result result = session.run(Map.of("state", input))) {
            assertThat(session.getInputNames()).containsExactly("state");
            assertThat(session.getOutputNames()).containsExactly("action");
            float[][] y = (float[][]) result.get(0).getValue();
            for (int i = 0; i < n; i++) {
                double[] xi = new double[inputs];
                for (int j = 0; j < inputs; j++) {
                    xi[j] = x[i][j];
                }
                double[] expected = snapshot.apply(xi);
                for (int j = 0; j < expected.length; j++) {
                    // float arithmetic: 1e-5 relative to the output's magnitude (outputs here reach ~2000 mL)
                    assertThat((double) y[i][j]).isCloseTo(expected[j],
                            org.assertj.core.api.Assertions.within(1e-5 * Math.max(1, Math.abs(expected[j]))));
                }
            }
        }
    }
}
