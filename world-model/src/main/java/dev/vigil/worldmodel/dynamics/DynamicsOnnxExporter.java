package dev.vigil.worldmodel.dynamics;

import ai.onnx.proto.OnnxMl;
import dev.vigil.common.CodeVersion;
import dev.vigil.worldmodel.onnx.GraphValueInfos;
import dev.vigil.worldmodel.onnx.OnnxOperator;
import dev.vigil.worldmodel.onnx.WorldModelContract;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Writes the inference path of a trained dynamics network as an ONNX model (opset 13, IR version 8) that
 * meets {@link WorldModelContract}: the encoder runs once on the batch-1 patient inputs and broadcasts
 * against the B protocol and noise rows, so one run simulates one patient under B (protocol, noise) pairs.
 * The posterior encoder is training-only and is not exported; noise is an input drawn from the prior.
 */
public final class DynamicsOnnxExporter {

    /** ONNX IR version written (ONNX Runtime 1.29 reads it; newer IRs are refused by older runtimes). */
    public static final long IR_VERSION = 8;

    private DynamicsOnnxExporter() {}

    /** The ONNX model of these weights. */
    public static OnnxMl.ModelProto export(DynamicsWeights weights) {
        DynamicsArchitecture a = weights.architecture();
        Map<String, NamedTensor> w = weights.byName();
        int s = a.stride();
        ONNXContext ctx = new ONNXContext();
        ctx.setName("vigil-dynamics");
        ONNXPlaceholder pre = ctx.floatInput(WorldModelContract.PRE_CT, 1);
        ONNXPlaceholder mask = ctx.floatInput(WorldModelContract.PRE_MASK, 1);
        ONNXPlaceholder protocol = ctx.floatInput(WorldModelContract.PROTOCOL, WorldModelContract.PROTOCOL_WIDTH);
        ONNXPlaceholder noise = ctx.floatInput(WorldModelContract.NOISE, a.noiseDim());
        ONNXPlaceholder postCt = ctx.floatOutput(WorldModelContract.POST_CT, 1);
        ONNXPlaceholder postMask = ctx.floatOutput(WorldModelContract.POST_MASK, 1);

        // Encoder, once per patient (batch 1).
        ONNXNode x = ctx.operation(ONNXOperators.CONCAT, refs(pre, mask), "x", Map.of("axis", 1));
        ONNXNode h = relu(conv(ctx, x, w, "enc0", s, 0));
        for (int layer = 1; layer <= DynamicsNetwork.ENCODER_DILATIONS.length; layer++) {
            int d = DynamicsNetwork.ENCODER_DILATIONS[layer - 1];
            NamedTensor weight = w.get("enc" + layer + ".w");
            h = relu(conv(ctx, h, "enc" + layer, weight.values(), weight.shape(), w.get("enc" + layer + ".b").values(),
                    3, 1, d, d));
        }
        h = ctx.operation(ONNXOperators.ADD, refs(h, conv(ctx, depth(ctx, mask, s), w, "depth", 1, 0)), "h");

        // Conditioning: e = ReLU(W [protocol, noise, protocol x phenotype] + b);
        // FiLM h' = ReLU(h * (1 + gamma) + beta).
        ONNXNode cond = conditioning(ctx, a, protocol, noise, phenotype(ctx, pre, mask, a.size()));
        ONNXNode e = relu(gemm(ctx, cond, w, "cond"));
        ONNXInitializer filmShape = ctx.array("film_shape", new long[] {-1, a.channels(), 1, 1, 1});
        ONNXNode gamma = ctx.operation(OnnxOperator.RESHAPE, refs(gemm(ctx, e, w, "gamma"), filmShape), "gamma5");
        ONNXNode beta = ctx.operation(OnnxOperator.RESHAPE, refs(gemm(ctx, e, w, "beta"), filmShape), "beta5");
        ONNXNode scale = ctx.operation(ONNXOperators.ADD, refs(gamma, ctx.constant("one", 1f)), "film_scale");
        ONNXNode film = ctx.operation(ONNXOperators.MUL, refs(h, scale), "film_mul");
        film = relu(ctx.operation(ONNXOperators.ADD, refs(film, beta), "film"));

        // Decoder on the latent grid; the 2-channel head is exported as two 1-channel heads (no Slice needed).
        ONNXNode d = relu(conv(ctx, film, w, "dec", 1, 0));
        NamedTensor head = w.get("head.w");
        NamedTensor headBias = w.get("head.b");
        int c = a.channels();
        ONNXNode deltaCt = conv(ctx, d, "head_ct", rows(head, 0, c), new long[] {1, c, 1, 1, 1},
                new float[] {headBias.values()[0]}, 1, 1, 0, 1);
        ONNXNode maskLogit = conv(ctx, d, "head_mask", rows(head, c, 2 * c), new long[] {1, c, 1, 1, 1},
                new float[] {headBias.values()[1]}, 1, 1, 0, 1);

        // Back to full size by nearest repetition (DynamicsNetwork.addRepeated): x by a product with a 0/1
        // matrix, y and z folded into a broadcast add on a block view of the full grid. The reshape to the
        // full grid comes before Clip and Sigmoid so that it aliases its input instead of copying.
        long l = a.latentSize();
        int size = a.size();
        ONNXInitializer repeatX = initializer(ctx, "repeat_x", DynamicsNetwork.repeatMatrix(a), new long[] {l, size});
        ONNXInitializer coarseShape = ctx.array("coarse_shape", new long[] {-1, 1, l, 1, l, 1, size});
        ONNXInitializer blockShape = ctx.array("block_shape", new long[] {-1, 1, l, s, l, s, size});
        ONNXInitializer fullShape = ctx.array("full_shape", new long[] {-1, 1, size, size, size});

        ONNXNode ct = ctx.operation(ONNXOperators.ADD, refs(coarse(ctx, deltaCt, repeatX, coarseShape, "ct"),
                reshape(ctx, pre, blockShape, "pre_blocks")), "ct_sum");
        ct = reshape(ctx, ct, fullShape, "ct_full");
        ctx.operation(OnnxOperator.CLIP, refs(ct, ctx.constant("zero", 0f), ctx.constant("one_clip", 1f)),
                "ct_clip").assignTo(postCt);

        ONNXNode prior = ctx.operation(ONNXOperators.MUL, refs(mask, ctx.constant("two", 2f)), "mask2");
        prior = ctx.operation(ONNXOperators.SUB, refs(prior, ctx.constant("one_sub", 1f)), "mask_signed");
        prior = ctx.operation(ONNXOperators.MUL, refs(prior, initializer(ctx, w.get("maskGain"))), "mask_prior");
        ONNXNode logit = ctx.operation(ONNXOperators.ADD, refs(coarse(ctx, maskLogit, repeatX, coarseShape, "mask"),
                reshape(ctx, prior, blockShape, "prior_blocks")), "mask_logit");
        logit = reshape(ctx, logit, fullShape, "mask_full");
        ctx.operation(OnnxOperator.SIGMOID, refs(logit), "mask_prob").assignTo(postMask);

        OnnxMl.GraphProto graph = GraphValueInfos.withShapes(ctx.buildGraph(),
                WorldModelContract.inputs(a.size(), a.noiseDim()), WorldModelContract.outputs(a.size()));
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setProducerName("vigil")
                .setProducerVersion(CodeVersion.current().label())
                .setDocString("Vigil MeWM dynamics model " + a)
                .setGraph(graph)
                .build();
    }

    /** Writes the model to a file (temporary file, then atomic rename). */
    public static void write(DynamicsWeights weights, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            export(weights).writeTo(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<ONNXRef<?>> refs(ONNXRef<?>... refs) {
        return List.of(refs);
    }

    /** DynamicsNetwork.depth: pooled mask and its fixed box means at each dilation, [1, 4, L, L, L]. */
    private static ONNXNode depth(ONNXContext ctx, ONNXRef<?> mask, int s) {
        float[] poolWeights = new float[s * s * s];
        Arrays.fill(poolWeights, 1f / (s * s * s));
        ONNXInitializer pool = initializer(ctx, "depth_pool", poolWeights, new long[] {1, 1, s, s, s});
        ONNXNode pooled = ctx.operation(OnnxOperator.CONV, refs(mask, pool), "depth_pooled", Map.of(
                "kernel_shape", new int[] {s, s, s}, "strides", new int[] {s, s, s}));
        float[] boxWeights = new float[27];
        Arrays.fill(boxWeights, 1f / 27);
        ONNXInitializer box = initializer(ctx, "depth_box", boxWeights, new long[] {1, 1, 3, 3, 3});
        List<ONNXRef<?>> channels = new java.util.ArrayList<>(List.of(pooled));
        for (int d : DynamicsNetwork.DEPTH_DILATIONS) {
            channels.add(ctx.operation(OnnxOperator.CONV, refs(pooled, box), "depth_box" + d, Map.of(
                    "kernel_shape", new int[] {3, 3, 3}, "pads", new int[] {d, d, d, d, d, d},
                    "dilations", new int[] {d, d, d})));
        }
        return ctx.operation(ONNXOperators.CONCAT, channels, "depth", Map.of("axis", 1));
    }

    /**
     * DynamicsNetwork.phenotype, [N, 3]: viable intensity, viable share, scaled tumour share. The sums over the
     * volume are products with a column of ones ([N, S^3] x [S^3, 1]), which needs no ReduceSum.
     */
    private static ONNXNode phenotype(ONNXContext ctx, ONNXRef<?> pre, ONNXRef<?> mask, int size) {
        long voxels = (long) size * size * size;
        ONNXNode above = ctx.operation(ONNXOperators.SUB, refs(pre, ctx.constant("viable_threshold",
                DynamicsNetwork.VIABLE_THRESHOLD)), "pheno_centred");
        above = ctx.operation(ONNXOperators.MUL, refs(above, ctx.constant("viable_sharpness",
                DynamicsNetwork.VIABLE_SHARPNESS)), "pheno_scaled");
        above = ctx.operation(OnnxOperator.SIGMOID, refs(above), "pheno_above");
        ONNXNode viable = ctx.operation(ONNXOperators.MUL, refs(mask, above), "pheno_viable");
        ONNXNode intensity = ctx.operation(ONNXOperators.MUL, refs(viable, pre), "pheno_intensity");
        float[] onesValues = new float[(int) voxels];
        Arrays.fill(onesValues, 1f);
        ONNXInitializer ones = initializer(ctx, "pheno_ones", onesValues, new long[] {voxels, 1});
        ONNXInitializer rows = ctx.array("pheno_rows", new long[] {-1, voxels});
        ONNXNode tumourSum = voxelSum(ctx, mask, rows, ones, "pheno_tumour_sum");
        ONNXNode viableSum = voxelSum(ctx, viable, rows, ones, "pheno_viable_sum");
        ONNXNode intensitySum = voxelSum(ctx, intensity, rows, ones, "pheno_intensity_sum");
        ONNXNode meanIntensity = ctx.operation(ONNXOperators.DIV, refs(intensitySum, ctx.operation(ONNXOperators.ADD,
                refs(viableSum, ctx.constant("pheno_one_a", 1f)), "pheno_viable_sum1")), "pheno_viable_intensity");
        ONNXNode viableShare = ctx.operation(ONNXOperators.DIV, refs(viableSum, ctx.operation(ONNXOperators.ADD,
                refs(tumourSum, ctx.constant("pheno_one_b", 1f)), "pheno_tumour_sum1")), "pheno_viable_share");
        ONNXNode tumourShare = ctx.operation(ONNXOperators.DIV, refs(tumourSum, ctx.constant("pheno_voxels",
                (float) size * size * size)), "pheno_tumour_share");
        ONNXNode raw = ctx.operation(ONNXOperators.CONCAT, refs(meanIntensity, viableShare, tumourShare),
                "phenotype_raw", Map.of("axis", 1));
        long[] row = {1, DynamicsNetwork.PHENOTYPE_FEATURES};
        ONNXNode centred = ctx.operation(ONNXOperators.SUB, refs(raw, initializer(ctx, "pheno_centre",
                DynamicsNetwork.PHENOTYPE_CENTRE, row)), "phenotype_centred");
        return ctx.operation(ONNXOperators.DIV, refs(centred, initializer(ctx, "pheno_scale",
                DynamicsNetwork.PHENOTYPE_SCALE, row)), "phenotype");
    }

    /** Sum over the voxels of x [N, 1, S, S, S] as [N, 1]. */
    private static ONNXNode voxelSum(ONNXContext ctx, ONNXRef<?> x, ONNXInitializer rows, ONNXInitializer ones,
            String name) {
        return ctx.operation(OnnxOperator.MATMUL, refs(reshape(ctx, x, rows, name + "_rows"), ones), name);
    }

    /**
     * DynamicsNetwork.conditioning: [terms, noise, terms x phenotype], [B, T + Z + 3 T], where the terms are the
     * protocol (T = 14) or, with drug-class columns, [protocol, protocol x class matrix] (T = 14 + K; the class
     * matrix is a constant initializer, the product a MatMul).
     */
    private static ONNXNode conditioning(ONNXContext ctx, DynamicsArchitecture a, ONNXRef<?> protocolInput,
            ONNXRef<?> noise, ONNXNode phenotype) {
        int terms = a.conditioningTerms();
        int features = DynamicsNetwork.PHENOTYPE_FEATURES;
        ONNXRef<?> protocol = protocolInput;
        if (a.drugClassColumns()) {
            ONNXInitializer classMatrix = initializer(ctx, "cond_class_matrix", DrugClassColumns.matrix(),
                    new long[] {WorldModelContract.PROTOCOL_WIDTH, DrugClassColumns.count()});
            ONNXNode classes = ctx.operation(OnnxOperator.MATMUL, refs(protocolInput, classMatrix), "cond_classes");
            protocol = ctx.operation(ONNXOperators.CONCAT, refs(protocolInput, classes), "cond_terms",
                    Map.of("axis", 1));
        }
        ONNXNode column = reshape(ctx, protocol, ctx.array("cond_protocol_shape", new long[] {-1, terms, 1}),
                "cond_protocol_column");
        ONNXNode row = reshape(ctx, phenotype, ctx.array("cond_phenotype_shape", new long[] {-1, 1, features}),
                "cond_phenotype_row");
        ONNXNode products = ctx.operation(ONNXOperators.MUL, refs(column, row), "cond_outer");
        products = reshape(ctx, products, ctx.array("cond_products_shape", new long[] {-1, (long) terms * features}),
                "cond_products");
        return ctx.operation(ONNXOperators.CONCAT, refs(protocol, noise, products), "cond_in", Map.of("axis", 1));
    }

    /** [B, 1, L, L, L] -> x repeated -> viewed as [B, 1, L, 1, L, 1, S] for the broadcast add. */
    private static ONNXNode coarse(ONNXContext ctx, ONNXRef<?> x, ONNXInitializer repeatX, ONNXInitializer shape,
            String name) {
        ONNXNode repeated = ctx.operation(OnnxOperator.MATMUL, refs(x, repeatX), name + "_repeat_x");
        return reshape(ctx, repeated, shape, name + "_coarse");
    }

    private static ONNXNode reshape(ONNXContext ctx, ONNXRef<?> x, ONNXInitializer shape, String name) {
        return ctx.operation(OnnxOperator.RESHAPE, refs(x, shape), name);
    }

    private static ONNXNode relu(ONNXNode x) {
        return x.apply(OnnxOperator.RELU);
    }

    private static ONNXInitializer initializer(ONNXContext ctx, NamedTensor tensor) {
        return initializer(ctx, tensor.name(), tensor.values(), tensor.shape());
    }

    private static ONNXInitializer initializer(ONNXContext ctx, String name, float[] values, long[] shape) {
        return ctx.floatTensor(name, Arrays.stream(shape).mapToObj(d -> (int) d).toList(), fb -> fb.put(values));
    }

    private static ONNXNode conv(ONNXContext ctx, ONNXRef<?> x, Map<String, NamedTensor> w, String layer,
            int kernel, int pad) {
        NamedTensor weight = w.get(layer + ".w");
        int stride = layer.equals("enc0") ? kernel : 1;
        return conv(ctx, x, layer, weight.values(), weight.shape(), w.get(layer + ".b").values(), kernel, stride,
                pad, 1);
    }

    private static ONNXNode conv(ONNXContext ctx, ONNXRef<?> x, String name, float[] weight, long[] shape,
            float[] bias, int kernel, int stride, int pad, int dilation) {
        ONNXInitializer wInit = initializer(ctx, name + ".w", weight, shape);
        ONNXInitializer bInit = initializer(ctx, name + ".b", bias, new long[] {bias.length});
        return ctx.operation(OnnxOperator.CONV, refs(x, wInit, bInit), name, Map.of(
                "kernel_shape", new int[] {kernel, kernel, kernel},
                "strides", new int[] {stride, stride, stride},
                "pads", new int[] {pad, pad, pad, pad, pad, pad},
                "dilations", new int[] {dilation, dilation, dilation}));
    }

    private static ONNXNode gemm(ONNXContext ctx, ONNXRef<?> x, Map<String, NamedTensor> w, String layer) {
        return ctx.operation(ONNXOperators.GEMM, refs(x, initializer(ctx, w.get(layer + ".w")),
                initializer(ctx, w.get(layer + ".b"))), layer, Map.of("transB", 1));
    }

    private static float[] rows(NamedTensor tensor, int from, int to) {
        return Arrays.copyOfRange(tensor.values(), from, to);
    }
}
