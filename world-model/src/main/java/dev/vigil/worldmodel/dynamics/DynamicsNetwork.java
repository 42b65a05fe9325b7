package dev.vigil.worldmodel.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import java.util.Map;

/**
 * The dynamics network's forward passes in DJL, written as functions of named parameter arrays so that
 * {@link DynamicsOnnxExporter} can mirror them operator for operator. Data arrays are always the first
 * operand, so intermediate results belong to the data's (per-batch) manager.
 *
 * <p>Encoder (protocol-independent, once per patient): [pre, mask] -> stride^3 patch conv -> ReLU -> two
 * 3^3 convs with ReLU -> h on the latent grid. Phenotype: fixed masked means of the pre CT inside the tumour
 * (see {@link #phenotype}). Decoder: e = ReLU(W [protocol, noise, protocol x phenotype]) (with
 * {@link DynamicsArchitecture#drugClassColumns()} the protocol is followed by its {@link DrugClassColumns}); FiLM
 * h' = ReLU(h * (1 + gamma(e)) + beta(e)); 1^3 conv + ReLU; 1^3 conv head -> (delta CT, mask logit) on the
 * grid; post CT = clip(pre + repeated delta, 0, 1); post-mask logit = repeated logit + maskGain * (2 mask - 1),
 * where "repeated" is nearest-neighbour upsampling by the stride.
 */
final class DynamicsNetwork {

    /**
     * Dilations of the encoder's 3^3 convolutions (enc1, enc2, enc3): the receptive field reaches +-7 latent
     * voxels, so every latent voxel of a tumour sees how far it lies from the tumour's edge, which is what a
     * protocol-dependent shrinkage (an erosion) needs.
     */
    static final int[] ENCODER_DILATIONS = {1, 2, 4};
    /** Dilations of the fixed box means in {@link #depth}. */
    static final int[] DEPTH_DILATIONS = {1, 2, 4};
    /** Channels of {@link #depth}: the pooled mask and one box mean per dilation. */
    static final int DEPTH_CHANNELS = 1 + DEPTH_DILATIONS.length;

    /**
     * Windowed intensity that separates viable tumour from necrosis: 27.5 HU in the liver window (-15..135 HU
     * to 0..1), midway between necrosis (about 15 HU) and viable tumour (40 HU and up); the survival scorer's
     * viable-volume threshold.
     */
    static final float VIABLE_THRESHOLD = (27.5f + 15f) / 150f;
    /** Slope of the soft viable indicator sigmoid(k (pre - threshold)): 1 / k = 1/30 of the window = 5 HU. */
    static final float VIABLE_SHARPNESS = 30f;
    /**
     * Centres of the raw phenotype features (viable intensity, viable share, tumour share of the crop): the
     * middle of their range in the liver window (viable tumour 40..135 HU is 0.37..1; necrosis up to half the
     * tumour; tumours fill a few to 20 % of a crop). Centring and scaling make the protocol x phenotype
     * products nearly uncorrelated with the protocol terms, so the interaction is learnt, not just the level.
     */
    static final float[] PHENOTYPE_CENTRE = {0.68f, 0.85f, 0.1f};
    /** Half-ranges of the raw phenotype features: (raw - centre) / scale is about -1..1. */
    static final float[] PHENOTYPE_SCALE = {0.3f, 0.15f, 0.1f};
    /** Phenotype features per patient: viable intensity, viable share, scaled tumour share. */
    static final int PHENOTYPE_FEATURES = 3;
    /**
     * Width of the conditioning input: protocol terms (with the class columns if enabled), noise, and protocol
     * term x phenotype products.
     */
    static int conditioningWidth(DynamicsArchitecture architecture) {
        int terms = architecture.conditioningTerms();
        return terms + architecture.noiseDim() + terms * PHENOTYPE_FEATURES;
    }

    /**
     * Columns [from, to) of {@code cond.w} that weight the per-drug x phenotype products: the drugs are the
     * vocabulary's first terms, so their products are one block right after [protocol terms, noise].
     */
    static int[] drugInteractionColumns(DynamicsArchitecture architecture) {
        int from = architecture.conditioningTerms() + architecture.noiseDim();
        return new int[] {from, from + DrugClassColumns.drugTerms() * PHENOTYPE_FEATURES};
    }

    /** Columns [from, to) of {@code cond.w} that weight every protocol term x phenotype product. */
    static int[] interactionColumns(DynamicsArchitecture architecture) {
        return new int[] {architecture.conditioningTerms() + architecture.noiseDim(), conditioningWidth(architecture)};
    }

    private final DynamicsArchitecture architecture;
    private final Map<String, NDArray> p;

    DynamicsNetwork(DynamicsArchitecture architecture, Map<String, NDArray> parameters) {
        this.architecture = architecture;
        this.p = parameters;
    }

    /** Latent features h [N, C, L, L, L] of pre [N, 1, S, S, S] and mask [N, 1, S, S, S]. */
    NDArray encode(NDArray pre, NDArray mask) {
        int s = architecture.stride();
        NDArray x = NDArrays.concat(new NDList(pre, mask), 1);
        NDArray h = Activation.relu(conv(x, "enc0", new Shape(s, s, s), new Shape(0, 0, 0)));
        for (int layer = 1; layer <= ENCODER_DILATIONS.length; layer++) {
            int d = ENCODER_DILATIONS[layer - 1];
            h = Activation.relu(conv(h, "enc" + layer, new Shape(1, 1, 1), new Shape(d, d, d), d));
        }
        return h.add(conv(depth(mask), "depth", new Shape(1, 1, 1), new Shape(0, 0, 0)));
    }

    /**
     * Fixed (not learned) depth features of the tumour mask on the latent grid: the tumour fraction of each
     * block, and its 3^3 box means at dilations 1, 2 and 4. Deep inside a tumour they are all 1 and they fall
     * off towards the edge at different distances, so a protocol-dependent threshold on them (FiLM's beta)
     * shrinks a tumour by a protocol-dependent depth. Learning such features from scratch took far longer than
     * a test may train.
     */
    NDArray depth(NDArray mask) {
        int s = architecture.stride();
        NDArray pooled = Conv3d.conv3d(mask, constant(mask, new Shape(1, 1, s, s, s), 1f / (s * s * s)), null,
                new Shape(s, s, s), new Shape(0, 0, 0), new Shape(1, 1, 1), 1).singletonOrThrow();
        NDArray box = constant(mask, new Shape(1, 1, 3, 3, 3), 1f / 27);
        NDList channels = new NDList(pooled);
        for (int d : DEPTH_DILATIONS) {
            channels.add(Conv3d.conv3d(pooled, box, null, new Shape(1, 1, 1), new Shape(d, d, d),
                    new Shape(d, d, d), 1).singletonOrThrow());
        }
        return NDArrays.concat(channels, 1);
    }

    private static NDArray constant(NDArray like, Shape shape, float value) {
        return like.getManager().full(shape, value);
    }

    /**
     * Tumour phenotype [N, 3] of pre [N, 1, S, S, S] and mask [N, 1, S, S, S], fixed (not learned), so that the
     * conditioning sees it directly: with a soft viable indicator a = sigmoid(k (pre - threshold)),
     * <ol>
     *   <li>viable intensity sum(mask a pre) / (sum(mask a) + 1): the arterial enhancement of the viable tumour;
     *   <li>viable share sum(mask a) / (sum(mask) + 1): one minus the necrotic share;
     *   <li>tumour share of the crop, sum(mask) / S^3: a size proxy,
     * </ol>
     * each centred and scaled, (raw - {@link #PHENOTYPE_CENTRE}) / {@link #PHENOTYPE_SCALE}.
     * The "+ 1" (one voxel) keeps an empty mask finite. Without these inputs the FiLM parameters depended only on
     * the protocol and the trained model learnt per-drug effects and no drug x phenotype interaction.
     */
    NDArray phenotype(NDArray pre, NDArray mask) {
        int[] spatial = {1, 2, 3, 4};
        long n = pre.getShape().get(0);
        NDArray viable = mask.mul(Activation.sigmoid(pre.sub(VIABLE_THRESHOLD).mul(VIABLE_SHARPNESS)));
        NDArray tumourSum = mask.sum(spatial).reshape(n, 1);
        NDArray viableSum = viable.sum(spatial).reshape(n, 1);
        NDArray intensitySum = viable.mul(pre).sum(spatial).reshape(n, 1);
        int size = architecture.size();
        NDArray raw = NDArrays.concat(new NDList(intensitySum.div(viableSum.add(1f)), viableSum.div(tumourSum.add(1f)),
                tumourSum.div((float) size * size * size)), 1);
        NDArray centre = pre.getManager().create(PHENOTYPE_CENTRE, new Shape(1, PHENOTYPE_FEATURES));
        NDArray scale = pre.getManager().create(PHENOTYPE_SCALE, new Shape(1, PHENOTYPE_FEATURES));
        return raw.sub(centre).div(scale);
    }

    /**
     * The conditioning input [B, T + Z + T x 3]: protocol terms, noise and every protocol term times every
     * phenotype feature (phenotype batch B, or 1 to share one patient across all rows). Lipiodol is in every
     * protocol, so its products carry the phenotype's main effect. The protocol terms are the 14 multi-hot
     * entries (T = 14) or, with drug-class columns, the multi-hot followed by multi-hot x the fixed
     * {@link DrugClassColumns#matrix()} (T = 14 + K): a drug's effect is then its class's plus its own deviation,
     * and the per-drug deviation can be shrunk without shrinking the class's.
     */
    NDArray conditioning(NDArray protocol, NDArray noise, NDArray phenotype) {
        long batch = protocol.getShape().get(0);
        int terms = architecture.conditioningTerms();
        if (architecture.drugClassColumns()) {
            NDArray classMatrix = protocol.getManager().create(DrugClassColumns.matrix(),
                    new Shape(ProtocolVocabulary.TERMS.size(), DrugClassColumns.count()));
            protocol = NDArrays.concat(new NDList(protocol, protocol.matMul(classMatrix)), 1);
        }
        NDArray products = protocol.reshape(batch, terms, 1)
                .mul(phenotype.reshape(phenotype.getShape().get(0), 1, PHENOTYPE_FEATURES))
                .reshape(batch, (long) terms * PHENOTYPE_FEATURES);
        return NDArrays.concat(new NDList(protocol, noise, products), 1);
    }

    /**
     * Post CT [B, 1, S, S, S] and post-mask logits [B, 1, S, S, S] from latent features h (batch B, or 1 to
     * share one patient across all B protocols), pre and mask (batch like h), protocol [B, 14], noise [B, Z].
     */
    NDList decode(NDArray h, NDArray pre, NDArray mask, NDArray protocol, NDArray noise) {
        long batch = protocol.getShape().get(0);
        int c = architecture.channels();
        NDArray cond = conditioning(protocol, noise, phenotype(pre, mask));
        NDArray e = Activation.relu(linear(cond, "cond"));
        NDArray gamma = linear(e, "gamma").reshape(batch, c, 1, 1, 1);
        NDArray beta = linear(e, "beta").reshape(batch, c, 1, 1, 1);
        NDArray film = Activation.relu(h.mul(gamma.add(1f)).add(beta));
        NDArray d = Activation.relu(conv(film, "dec", new Shape(1, 1, 1), new Shape(0, 0, 0)));
        NDArray head = conv(d, "head", new Shape(1, 1, 1), new Shape(0, 0, 0));
        NDArray postCt = addRepeated(head.get(":, 0:1"), pre).reshape(fullShape(batch)).clip(0f, 1f);
        NDArray maskPrior = mask.mul(2f).sub(1f).mul(p.get("maskGain"));
        NDArray postMaskLogit = addRepeated(head.get(":, 1:2"), maskPrior).reshape(fullShape(batch));
        return new NDList(postCt, postMaskLogit);
    }

    /** Posterior mean and log-variance [N, Z] each, from the observed change and the protocol. */
    NDList posterior(NDArray pre, NDArray mask, NDArray post, NDArray postMask, NDArray protocol) {
        long n = pre.getShape().get(0);
        int pool = architecture.posteriorPool();
        int edge = architecture.size() / pool;
        NDArray change = NDArrays.concat(new NDList(post.sub(pre), postMask.sub(mask)), 1);
        NDArray pooled = change.reshape(n, 2, edge, pool, edge, pool, edge, pool)
                .mean(new int[] {7}).mean(new int[] {5})
                .mean(new int[] {3})
                .reshape(n, 2L * edge * edge * edge);
        NDArray x = NDArrays.concat(new NDList(pooled, protocol), 1);
        NDArray out = linear(Activation.relu(linear(x, "post")), "postOut");
        int z = architecture.noiseDim();
        return new NDList(out.get(":, 0:" + z), out.get(":, " + z + ":").clip(-8f, 8f));
    }

    /**
     * coarse [B, 1, L, L, L] repeated stride times along each spatial axis (nearest-neighbour upsampling) plus
     * fine [N, 1, S, S, S] (N = B or 1), as [B, 1, L, s, L, s, S]. The x repetition is a product with a 0/1
     * matrix (exact in floating point); the y and z repetitions are broadcasts of one add on a block view of
     * the full grid, whose innermost run is a whole row of S voxels. ONNX Runtime's 5-D Resize, and a
     * broadcast with an innermost run of s voxels, were each several times slower.
     */
    NDArray addRepeated(NDArray coarse, NDArray fine) {
        long b = coarse.getShape().get(0);
        long n = fine.getShape().get(0);
        long l = architecture.latentSize();
        int s = architecture.stride();
        int size = architecture.size();
        NDArray repeatX = coarse.getManager().create(repeatMatrix(architecture), new Shape(l, size));
        return coarse.matMul(repeatX).reshape(b, 1, l, 1, l, 1, size).add(fine.reshape(n, 1, l, s, l, s, size));
    }

    /** The [L, S] matrix with R[i, j] = 1 where j / stride = i: a row times it repeats each value stride times. */
    static float[] repeatMatrix(DynamicsArchitecture architecture) {
        int l = architecture.latentSize();
        int size = architecture.size();
        float[] matrix = new float[l * size];
        for (int j = 0; j < size; j++) {
            matrix[(j / architecture.stride()) * size + j] = 1f;
        }
        return matrix;
    }

    private Shape fullShape(long batch) {
        int size = architecture.size();
        return new Shape(batch, 1, size, size, size);
    }

    private NDArray conv(NDArray x, String layer, Shape stride, Shape padding) {
        return conv(x, layer, stride, padding, 1);
    }

    private NDArray conv(NDArray x, String layer, Shape stride, Shape padding, int dilation) {
        return Conv3d.conv3d(x, p.get(layer + ".w"), p.get(layer + ".b"), stride, padding,
                new Shape(dilation, dilation, dilation), 1).singletonOrThrow();
    }

    private NDArray linear(NDArray x, String layer) {
        return Linear.linear(x, p.get(layer + ".w"), p.get(layer + ".b")).singletonOrThrow();
    }
}
