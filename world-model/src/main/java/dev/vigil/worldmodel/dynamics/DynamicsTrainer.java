package dev.vigil.worldmodel.dynamics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.vigil.common.Sha256;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the dynamics network as a conditional VAE with DJL (PyTorch engine, CPU). The posterior encoder
 * sees the observed change and the protocol and gives q(z | pre, post, protocol); the decoder is trained on
 * z drawn from it (reparameterised); at inference z is drawn from the prior N(0, I). Everything random is
 * drawn from one {@link Random} seeded by {@link TrainingConfig#seed()}, so the same seed and data give the
 * same weights (with one intra-op thread, as surefire and ./vigil configure).
 */
public final class DynamicsTrainer {

    private final DynamicsArchitecture architecture;
    private final TrainingConfig config;

    public DynamicsTrainer(DynamicsArchitecture architecture, TrainingConfig config) {
        this.architecture = architecture;
        this.config = config;
    }

    /** Trains on the samples, reporting each epoch to the listener. */
    public TrainedDynamicsModel train(List<WorldModelSample> samples, TrainingListener listener) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).size() != architecture.size()) {
                throw new IllegalArgumentException("sample " + i + " has size " + samples.get(i).size()
                        + ", the architecture expects " + architecture.size());
            }
        }
        Engine engine = DjlRuntime.engineForTraining();
        Random random = new Random(config.seed());
        DynamicsWeights initial = ParameterLayout.initial(architecture, random.nextLong());
        List<EpochReport> history = new ArrayList<>();
        try (NDManager root = engine.newBaseManager()) {
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            for (NamedTensor tensor : initial.tensors()) {
                NDArray array = root.create(tensor.values(), new Shape(tensor.shape()));
                array.setRequiresGradient(true);
                parameters.put(tensor.name(), array);
            }
            DynamicsNetwork network = new DynamicsNetwork(architecture, parameters);
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build();
            int[] order = new int[samples.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                shuffle(order, random);
                double[] sums = new double[5];
                int batches = 0;
                for (int start = 0; start < order.length; start += config.batchSize()) {
                    int end = Math.min(order.length, start + config.batchSize());
                    double[] losses = step(engine, root, network, parameters, adam, samples, order, start, end,
                            random);
                    for (int k = 0; k < sums.length; k++) {
                        sums[k] += losses[k];
                    }
                    batches++;
                }
                EpochReport report = new EpochReport(epoch, sums[0] / batches, sums[1] / batches,
                        sums[2] / batches, sums[3] / batches, sums[4] / batches);
                requireFiniteLoss(report, config.learningRate());
                history.add(report);
                listener.onEpoch(report);
            }
            List<NamedTensor> trained = new ArrayList<>();
            for (NamedTensor tensor : initial.tensors()) {
                trained.add(new NamedTensor(tensor.name(), tensor.shape(),
                        parameters.get(tensor.name()).toFloatArray()));
            }
            return new TrainedDynamicsModel(new DynamicsWeights(architecture, trained), config, dataHash(samples),
                    samples.size(), history);
        }
    }

    /**
     * Refuses an epoch whose loss is not finite. A diverged network predicts NaN, which the planner would read as
     * "no tumour" for every protocol; the samples are validated to [0, 1], so the cause is numerical.
     *
     * @throws IllegalStateException naming the epoch, the loss terms and what to check
     */
    static void requireFiniteLoss(EpochReport report, double learningRate) {
        if (!Double.isFinite(report.total())) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "Dynamics training diverged at "
                    + "epoch %d: loss %s (CT %s, BCE %s, Dice %s, KL %s); no model was produced. Lower the learning "
                    + "rate (%s), and check that DNNL_MAX_CPU_ISA=SSE41 is set before the JVM starts "
                    + "(libtorch's conv gradients are wrong on these CPUs without it).", report.epoch(),
                    report.total(), report.ct(), report.bce(), report.dice(), report.kl(), learningRate));
        }
    }

    /** One Adam step on samples order[start..end); returns {total, ct, bce, dice, kl}. */
    private double[] step(Engine engine, NDManager root, DynamicsNetwork network, Map<String, NDArray> parameters,
            Optimizer adam, List<WorldModelSample> samples, int[] order, int start, int end, Random random) {
        int b = end - start;
        int size = architecture.size();
        int voxels = size * size * size;
        int width = ProtocolVocabulary.TERMS.size();
        int z = architecture.noiseDim();
        float[] pre = new float[b * voxels];
        float[] mask = new float[b * voxels];
        float[] post = new float[b * voxels];
        float[] postMask = new float[b * voxels];
        float[] protocol = new float[b * width];
        float[] eps = new float[b * z];
        for (int i = 0; i < b; i++) {
            WorldModelSample sample = samples.get(order[start + i]);
            System.arraycopy(sample.pre(), 0, pre, i * voxels, voxels);
            System.arraycopy(sample.mask(), 0, mask, i * voxels, voxels);
            System.arraycopy(sample.post(), 0, post, i * voxels, voxels);
            System.arraycopy(sample.postMask(), 0, postMask, i * voxels, voxels);
            System.arraycopy(sample.protocol(), 0, protocol, i * width, width);
        }
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) random.nextGaussian();
        }
        Shape volume = new Shape(b, 1, size, size, size);
        try (NDManager batch = root.newSubManager()) {
            NDArray preArray = batch.create(pre, volume);
            NDArray maskArray = batch.create(mask, volume);
            NDArray postArray = batch.create(post, volume);
            NDArray postMaskArray = batch.create(postMask, volume);
            NDArray protocolArray = batch.create(protocol, new Shape(b, width));
            NDArray epsArray = batch.create(eps, new Shape(b, z));
            double[] values = new double[5];
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDList meanAndLogVar = network.posterior(preArray, maskArray, postArray, postMaskArray,
                        protocolArray);
                NDArray mu = meanAndLogVar.get(0);
                NDArray logVar = meanAndLogVar.get(1);
                NDArray noise = epsArray.mul(logVar.mul(0.5f).exp()).add(mu);
                NDArray h = network.encode(preArray, maskArray);
                NDList out = network.decode(h, preArray, maskArray, protocolArray, noise);
                NDArray squared = out.get(0).sub(postArray).square();
                if (config.tumourCtWeight() > 0) {
                    NDArray region = maskArray.maximum(postMaskArray).mul((float) config.tumourCtWeight()).add(1f);
                    squared = squared.mul(region);
                }
                NDArray ct = squared.mean();
                NDArray logit = out.get(1);
                NDArray bce = logit.maximum(0f).sub(logit.mul(postMaskArray))
                        .add(logit.abs().neg().exp().add(1f).log()).mean();
                NDArray prob = Activation.sigmoid(logit);
                int[] spatial = {1, 2, 3, 4};
                NDArray overlap = prob.mul(postMaskArray).sum(spatial).mul(2f).add(1f);
                NDArray union = prob.sum(spatial).add(postMaskArray.sum(spatial)).add(1f);
                NDArray dice = overlap.div(union).neg().add(1f).mean();
                NDArray kl = mu.square().add(logVar.exp()).sub(logVar).sub(1f).mul(0.5f).sum(new int[] {1}).mean();
                NDArray total = ct.mul((float) config.ctWeight()).add(bce).add(dice.mul((float) config.diceWeight()))
                        .add(kl.mul((float) config.klWeight()));
                total = withRidge(architecture, config, parameters.get("cond.w"), total);
                collector.backward(total);
                NDArray[] terms = {total, ct, bce, dice, kl};
                for (int k = 0; k < terms.length; k++) {
                    values[k] = terms[k].getFloat();
                }
            }
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                NDArray gradient = entry.getValue().getGradient();
                adam.update(entry.getKey(), entry.getValue(), gradient);
                // DJL's PyTorch gradient collector accumulates: zero the gradients after every step.
                gradient.subi(gradient);
            }
            return values;
        }
    }

    /**
     * {@code loss} plus the ridge terms on the conditioning weights cond.w [embedding, width]: interactionDecay x
     * the sum of squares of every protocol term x phenotype product's weights, plus drugInteractionDecay x that of
     * the per-drug products only (not the class columns' products, so a thin drug cell is pulled toward its
     * class's effect), plus drugMainDecay x that of the per-drug terms' own weights (main effects).
     */
    static NDArray withRidge(DynamicsArchitecture architecture, TrainingConfig config, NDArray condWeights,
            NDArray loss) {
        NDArray total = addRidge(loss, condWeights, DynamicsNetwork.interactionColumns(architecture),
                config.interactionDecay());
        total = addRidge(total, condWeights, DynamicsNetwork.drugInteractionColumns(architecture),
                config.drugInteractionDecay());
        // The drugs are the vocabulary's first terms: their own (main-effect) weights are columns 0..8.
        return addRidge(total, condWeights, new int[] {0, DrugClassColumns.drugTerms()}, config.drugMainDecay());
    }

    private static NDArray addRidge(NDArray total, NDArray weights, int[] columns, double decay) {
        if (decay == 0) {
            return total;
        }
        NDArray block = weights.get(":, " + columns[0] + ":" + columns[1]);
        return total.add(block.square().sum().mul((float) decay));
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** SHA-256 over every sample's size and arrays, in order. */
    static String dataHash(List<WorldModelSample> samples) {
        MessageDigest digest = Sha256.newDigest();
        for (WorldModelSample sample : samples) {
            digest.update(ByteBuffer.allocate(4).putInt(sample.size()).array());
            for (float[] values : new float[][] {sample.pre(), sample.mask(), sample.protocol(), sample.post(),
                    sample.postMask()}) {
                ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
                buffer.asFloatBuffer().put(values);
                digest.update(buffer.array());
            }
        }
        return Sha256.hex(digest);
    }
}
