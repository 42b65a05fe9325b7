package dev.vigil.worldmodel.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * A dropped-in model that meets the contract runs, whatever is inside it; one that does not is refused with
 * the input or output named; the execution provider is chosen as configured and reported.
 */
class WorldModelSessionTest {

    static final int SIZE = 8;

    @TempDir
    Path dir;

    @Test
    void aForeignModelMeetingTheContractRuns() throws Exception {
        // post_ct = pre_ct x (number of protocol terms) + 0 x noise; post_mask = sigmoid(pre_mask + terms).
        Path file = foreignModel(SIZE, 3, WorldModelContract.POST_MASK);
        float[] pre = new float[SIZE * SIZE * SIZE];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = (i % 10) / 10f;
        }
        float[] twoTerms = new float[14];
        twoTerms[1] = 1;
        twoTerms[9] = 1;
        try (WorldModelSession session = WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.AUTO, 1, SIZE, 2))) {
            assertThat(session.dimensions()).isEqualTo(new WorldModelContract.Dimensions(SIZE, 3));
            List<Simulation> out = session.simulate(pre, new float[pre.length], List.of(new float[14], twoTerms), 3, 1);
            assertThat(out).hasSize(6).extracting(Simulation::protocolIndex).containsExactly(0, 0, 0, 1, 1, 1);
            assertThat(out).extracting(Simulation::draw).containsExactly(0, 1, 2, 0, 1, 2);
            assertThat(out.get(0).postCt()).containsOnly(0f);
            assertThat(out.get(4).postCt()[7]).isEqualTo(2 * 0.7f);
            assertThat(out.get(4).postMask()[0]).isEqualTo((float) (1 / (1 + Math.exp(-2))));
            assertThat(out.get(4).tumourVoxels()).isCloseTo(pre.length / (1 + Math.exp(-2)),
                    org.assertj.core.data.Offset.offset(1e-3));
            assertThat(out).allSatisfy(s -> assertThat(s.executionProvider()).isEqualTo("CPU"));
        }
    }

    @Test
    void aModelOfAnotherSizeIsRefusedNamingTheInputAndBothShapes() throws Exception {
        Path file = foreignModel(SIZE, 3, WorldModelContract.POST_MASK);
        assertThatThrownBy(() -> WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CPU, 1, 16, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input pre_ct has shape [1, 1, 8, 8, 8]")
                .hasMessageContaining("expected [1, 1, 16, 16, 16]");
    }

    @Test
    void aModelWithoutAContractOutputIsRefusedNamingIt() throws Exception {
        Path file = foreignModel(SIZE, 3, "probability");
        assertThatThrownBy(() -> WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CPU, 1, SIZE, 2)))
                .hasMessageContaining("no output named 'post_mask'");
        assertThatThrownBy(() -> WorldModelSession.open(dir.resolve("missing.onnx"),
                new SessionConfig(ExecutionProviderChoice.CPU, 1, SIZE, 2)))
                .hasMessageContaining("missing.onnx does not exist");
    }

    @Test
    void autoFallsBackToTheCpuAndCudaIsRefusedOnThisCpuOnlyBuild() throws Exception {
        Path file = foreignModel(SIZE, 3, WorldModelContract.POST_MASK);
        assertThat(CudaSupport.RUNTIME.offered()).as("the CPU onnxruntime jar offers no CUDA").isFalse();
        try (WorldModelSession session = WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.AUTO, 1, SIZE, 2))) {
            assertThat(session.executionProvider()).isEqualTo("CPU");
        }
        assertThatThrownBy(() -> WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CUDA, 1, SIZE, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cuda was requested")
                .hasMessageContaining("-Pgpu");
    }

    @Test
    void aCudaProviderThatFailsToInitialiseFallsBackUnderAutoAndFailsUnderCuda() throws Exception {
        Path file = foreignModel(SIZE, 3, WorldModelContract.POST_MASK);
        CudaSupport broken = new CudaSupport() {
            @Override
            public boolean offered() {
                return true;
            }

            @Override
            public void enable(OrtSession.SessionOptions options) throws OrtException {
                throw new OrtException("libcudnn.so.9: cannot open shared object file");
            }
        };
        try (WorldModelSession session = WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.AUTO, 1, SIZE, 2), broken)) {
            assertThat(session.executionProvider()).isEqualTo("CPU");
        }
        assertThatThrownBy(() -> WorldModelSession.open(file,
                new SessionConfig(ExecutionProviderChoice.CUDA, 1, SIZE, 2), broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not initialise")
                .hasMessageContaining("libcudnn.so.9");
        assertThat(ExecutionProviderChoice.parse(" Cuda ")).isEqualTo(ExecutionProviderChoice.CUDA);
        assertThatThrownBy(() -> ExecutionProviderChoice.parse("tpu")).hasMessageContaining("'tpu'");
    }

    /** A model unlike Vigil's own, built by hand, with the contract's inputs and the given mask output name. */
    private Path foreignModel(int size, int noiseDim, String maskOutput) throws Exception {
        ONNXContext ctx = new ONNXContext();
        ONNXPlaceholder pre = ctx.floatInput(WorldModelContract.PRE_CT, 1);
        ONNXPlaceholder mask = ctx.floatInput(WorldModelContract.PRE_MASK, 1);
        ONNXPlaceholder protocol = ctx.floatInput(WorldModelContract.PROTOCOL, 14);
        ONNXPlaceholder noise = ctx.floatInput(WorldModelContract.NOISE, noiseDim);
        ONNXPlaceholder postCt = ctx.floatOutput(WorldModelContract.POST_CT, 1);
        ONNXPlaceholder postMask = ctx.floatOutput(maskOutput, 1);
        float[] ones = new float[14];
        java.util.Arrays.fill(ones, 1f);
        ONNXInitializer sumWeights = ctx.floatTensor("ones", List.of(1, 14), fb -> fb.put(ones));
        ONNXInitializer noiseWeights =
                ctx.floatTensor("zeros", List.of(1, noiseDim), fb -> fb.put(new float[noiseDim]));
        ONNXNode terms = ctx.operation(ONNXOperators.GEMM, List.<ONNXRef<?>>of(protocol, sumWeights), "terms",
                Map.of("transB", 1));
        ONNXNode noNoise = ctx.operation(ONNXOperators.GEMM, List.<ONNXRef<?>>of(noise, noiseWeights), "no_noise",
                Map.of("transB", 1));
        ONNXNode k = ctx.operation(ONNXOperators.ADD, List.<ONNXRef<?>>of(terms, noNoise), "k");
        ONNXInitializer shape5 = ctx.array("shape5", new long[] {-1, 1, 1, 1, 1});
        k = ctx.operation(OnnxOperator.RESHAPE, List.<ONNXRef<?>>of(k, shape5), "k5");
        ctx.operation(ONNXOperators.MUL, List.<ONNXRef<?>>of(pre, k), "ct").assignTo(postCt);
        ONNXNode logit = ctx.operation(ONNXOperators.ADD, List.<ONNXRef<?>>of(mask, k), "logit");
        ctx.operation(OnnxOperator.SIGMOID, List.<ONNXRef<?>>of(logit), "prob").assignTo(postMask);
        OnnxMl.GraphProto graph = GraphValueInfos.withShapes(ctx.buildGraph(),
                WorldModelContract.inputs(size, noiseDim),
                List.of(new TensorSpec(WorldModelContract.POST_CT, new long[] {-1, 1, size, size, size}),
                        new TensorSpec(maskOutput, new long[] {-1, 1, size, size, size})));
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build();
        Path file = dir.resolve("foreign-" + size + "-" + maskOutput + ".onnx");
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }
}
