package dev.vigil.offlinerl.algo.continuous;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Writes an {@link MlpSnapshot} as an ONNX model (IR version 8, opset 13): input {@code state} float [N, S], output
 * {@code action} float [N, A]; the graph is {@code Mul}/{@code Add} for the input scaling, one {@code Gemm}
 * (transB = 1, weights stored [out, in]) plus {@code Tanh}/{@code Relu} per layer ({@code Tanh}, {@code Mul},
 * {@code Max}, {@code Min} for a bounded tanh), and {@code Mul}/{@code Add} for
 * the output scaling. Computed in float, so it matches {@link MlpSnapshot#apply} to float precision (relative error
 * about 1e-6).
 */
public final class PolicyOnnxExporter {

    /** ONNX IR version written (8 is read by every current runtime). */
    public static final long IR_VERSION = 8;
    /** The default-domain opset the graph uses. */
    public static final int OPSET = 13;

    private PolicyOnnxExporter() {
    }

    /** Operators tribuo-util-onnx's operator list lacks (element-wise; Min and Max broadcast their two inputs). */
    private enum Activation implements ONNXOperator {
        TANH("Tanh", 1), RELU("Relu", 1), MIN("Min", 2), MAX("Max", 2);

        private final String op;
        private final int inputs;

        Activation(String op, int inputs) {
            this.op = op;
            this.inputs = inputs;
        }

        @Override
        public String getOpName() {
            return op;
        }

        @Override
        public int getNumInputs() {
            return inputs;
        }

        @Override
        public int getNumOptionalInputs() {
            return 0;
        }

        @Override
        public int getNumOutputs() {
            return 1;
        }

        @Override
        public Map<String, ONNXAttribute> getAttributes() {
            return Collections.emptyMap();
        }

        @Override
        public Set<String> getMandatoryAttributeNames() {
            return Collections.emptySet();
        }

        @Override
        public int getOpVersion() {
            return OPSET;
        }

        @Override
        public String getOpDomain() {
            return "ai.onnx";
        }
    }

    /** The model in memory. */
    public static OnnxMl.ModelProto model(MlpSnapshot network) {
        ONNXContext ctx = new ONNXContext();
        ctx.setName("vigil-policy");
        int in = network.inputScale().length;
        int out = network.outputScale().length;
        ONNXPlaceholder state = ctx.floatInput("state", in);
        ONNXPlaceholder action = ctx.floatOutput("action", out);
        ONNXRef<?> h = state.apply(ONNXOperators.MUL, ctx.array("input_scale", toFloat(network.inputScale())))
                .apply(ONNXOperators.ADD, ctx.array("input_shift", toFloat(network.inputShift())));
        int i = 0;
        for (MlpSnapshot.Layer layer : network.layers()) {
            ONNXRef<?> w = ctx.floatTensor("w" + i, java.util.List.of(layer.outputs(), layer.inputs()),
                    buf -> buf.put(layer.weights()));
            ONNXRef<?> b = ctx.array("b" + i, layer.bias());
            h = ctx.operation(ONNXOperators.GEMM, java.util.List.of(h, w, b), "gemm" + i, Map.of("transB", 1));
            switch (layer.activation()) {
                case TANH -> h = h.apply(Activation.TANH);
                case RELU -> h = h.apply(Activation.RELU);
                case BOUNDED_TANH -> h = h.apply(Activation.TANH)
                        .apply(ONNXOperators.MUL, ctx.array("gain" + i, new float[] {(float) MlpSnapshot.BOUNDED_TANH_GAIN}))
                        .apply(Activation.MAX, ctx.array("lower" + i, new float[] {-1f}))
                        .apply(Activation.MIN, ctx.array("upper" + i, new float[] {1f}));
                case IDENTITY -> { }
            }
            i++;
        }
        ONNXRef<?> y = h.apply(ONNXOperators.MUL, ctx.array("output_scale", toFloat(network.outputScale())))
                .apply(ONNXOperators.ADD, ctx.array("output_shift", toFloat(network.outputShift())));
        y.assignTo(action);
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("vigil")
                .setGraph(ctx.buildGraph())
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET).build())
                .build();
    }

    /** Writes the model to {@code file} (through a temporary file, moved into place). */
    public static void write(MlpSnapshot network, Path file) {
        OnnxMl.ModelProto model = model(network);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "policy-", ".onnx.tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                model.writeTo(os);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ONNX policy " + file, e);
        }
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
