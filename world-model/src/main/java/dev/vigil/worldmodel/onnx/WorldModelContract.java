package dev.vigil.worldmodel.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The input/output contract of a world-model dynamics ONNX file (docs/world-model.md). One patient per run,
 * B simulations in a batch:
 * <pre>
 * inputs   pre_ct    float [1, 1, S, S, S]  pre-treatment CT in [0, 1] (batch 1 or free)
 *          pre_mask  float [1, 1, S, S, S]  tumour mask in [0, 1] (batch 1 or free)
 *          protocol  float [B, 14]          multi-hot protocol (vocabulary order), B free
 *          noise     float [B, Z]           standard normal noise, Z &gt;= 1 fixed, B free
 * outputs  post_ct   float [B, 1, S, S, S]  simulated post-treatment CT in [0, 1]
 *          post_mask float [B, 1, S, S, S]  post-treatment tumour probability
 * </pre>
 * Any model meeting it can be dropped in, whatever its architecture.
 */
public final class WorldModelContract {

    public static final String PRE_CT = "pre_ct";
    public static final String PRE_MASK = "pre_mask";
    public static final String PROTOCOL = "protocol";
    public static final String NOISE = "noise";
    public static final String POST_CT = "post_ct";
    public static final String POST_MASK = "post_mask";
    /** Width of the multi-hot protocol vector. */
    public static final int PROTOCOL_WIDTH = 14;

    /**
     * What a checked model revealed.
     *
     * @param size crop edge S
     * @param noiseDim noise width Z
     */
    public record Dimensions(int size, int noiseDim) {}

    private WorldModelContract() {}

    /** The specification for crop size S and noise width Z; {@code -1} marks free dimensions. */
    public static List<TensorSpec> inputs(int size, int noiseDim) {
        return List.of(new TensorSpec(PRE_CT, new long[] {1, 1, size, size, size}),
                new TensorSpec(PRE_MASK, new long[] {1, 1, size, size, size}),
                new TensorSpec(PROTOCOL, new long[] {-1, PROTOCOL_WIDTH}),
                new TensorSpec(NOISE, new long[] {-1, noiseDim}));
    }

    /** Output specification for crop size S. */
    public static List<TensorSpec> outputs(int size) {
        return List.of(new TensorSpec(POST_CT, new long[] {-1, 1, size, size, size}),
                new TensorSpec(POST_MASK, new long[] {-1, 1, size, size, size}));
    }

    /**
     * Checks a loaded session against the contract for crop size {@code size}.
     *
     * @return the model's dimensions
     * @throws IllegalArgumentException naming the first input or output that does not match, with the expected
     *     and found shape or type
     */
    public static Dimensions check(OrtSession session, int size, String source) {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            long[] noise = tensor(inputs, NOISE, "input", source).getShape();
            int noiseDim = noise.length == 2 ? (int) noise[1] : -1;
            if (noiseDim < 1) {
                throw new IllegalArgumentException(source + ": input " + NOISE + " has shape "
                        + TensorSpec.format(noise) + ", expected [?, Z] with a fixed Z >= 1");
            }
            for (TensorSpec spec : inputs(size, noiseDim)) {
                checkOne(tensor(inputs, spec.name(), "input", source), spec, "input", source);
            }
            for (TensorSpec spec : outputs(size)) {
                checkOne(tensor(outputs, spec.name(), "output", source), spec, "output", source);
            }
            return new Dimensions(size, noiseDim);
        } catch (OrtException e) {
            throw new IllegalArgumentException(source + ": cannot read the model's inputs and outputs: "
                    + e.getMessage(), e);
        }
    }

    private static TensorInfo tensor(Map<String, NodeInfo> nodes, String name, String kind, String source) {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException(source + ": the model has no " + kind + " named '" + name
                    + "' (it has " + nodes.keySet() + ")");
        }
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new IllegalArgumentException(source + ": " + kind + " " + name + " is not a tensor");
        }
        return info;
    }

    private static void checkOne(TensorInfo info, TensorSpec spec, String kind, String source) {
        if (info.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(source + ": " + kind + " " + spec.name() + " has type " + info.type
                    + ", expected FLOAT");
        }
        long[] found = info.getShape();
        boolean matches = found.length == spec.shape().length;
        for (int i = 0; matches && i < found.length; i++) {
            long expected = spec.shape()[i];
            boolean batchOfOne = i == 0 && expected == 1; // pre_ct / pre_mask: a free batch also accepts 1
            matches = expected < 0 ? found[i] < 0 : found[i] == expected || (batchOfOne && found[i] < 0);
        }
        if (!matches) {
            throw new IllegalArgumentException(source + ": " + kind + " " + spec.name() + " has shape "
                    + TensorSpec.format(found) + " (rank " + found.length + "), expected "
                    + TensorSpec.format(spec.shape()) + " (rank " + spec.shape().length + ")"
                    + (Arrays.stream(spec.shape()).anyMatch(d -> d < 0) ? "; ? must be a free dimension" : ""));
        }
    }
}
