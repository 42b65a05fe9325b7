package dev.vigil.offlinerl.dynamics;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.vigil.offlinerl.nn.TorchRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link GaussianEnsembleModel} with DJL's PyTorch engine (the only DJL-dependent class here).
 *
 * <p>Seeds: {@code config.seed()} drives the episode split and a root {@link SplittableRandom}; each member
 * takes {@code root.split()}, whose first int seeds DJL's engine before the member's weights are
 * initialised and which then draws the member's bootstrap resample and batch order. With one intra-op
 * thread (as the launcher and surefire set), the same seed gives the same weights.
 */
public final class GaussianEnsembleTrainer {

    private final GaussianEnsembleConfig config;

    public GaussianEnsembleTrainer(GaussianEnsembleConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("A trainer needs a configuration; try GaussianEnsembleConfig.defaults()");
        }
        this.config = config;
    }

    /** Samples of one side of the split: inputs {@code double[n][k s + a]}, deltas {@code double[n][s]}. */
    private record Samples(double[][] inputs, double[][] deltas) {

        static Samples of(List<ScaledEpisode> episodes, int k) {
            List<double[]> inputs = new ArrayList<>();
            List<double[]> deltas = new ArrayList<>();
            for (ScaledEpisode episode : episodes) {
                for (int t = 0; t + 1 < episode.steps(); t++) {
                    inputs.add(GaussianEnsembleModel.inputOf(episode.history(t, k), episode.action(t)));
                    double[] now = episode.state(t);
                    double[] next = episode.state(t + 1);
                    double[] delta = new double[now.length];
                    for (int j = 0; j < now.length; j++) {
                        delta[j] = next[j] - now[j];
                    }
                    deltas.add(delta);
                }
            }
            return new Samples(inputs.toArray(new double[0][]), deltas.toArray(new double[0][]));
        }

        int size() {
            return inputs.length;
        }
    }

    /**
     * Splits {@code episodes} by episode, fits every member, and returns the ensemble.
     *
     * @param episodes scaled training episodes (see {@link DynamicsData}); at least two with two steps
     *     each when a holdout is configured
     * @throws IllegalArgumentException if there are no transitions to learn from
     * @throws IllegalStateException if DJL cannot run offline (see {@link TorchRuntime#check()})
     */
    public EnsembleFit fit(List<ScaledEpisode> episodes) {
        if (episodes == null || episodes.isEmpty()) {
            throw new IllegalArgumentException("The ensemble needs training episodes");
        }
        TorchRuntime.check();
        long start = System.nanoTime();
        int s = episodes.get(0).stateDimension();
        int a = episodes.get(0).actionDimension();
        EpisodeSplit split = EpisodeSplit.byEpisode(episodes, config.holdoutFraction(), config.seed());
        Samples train = Samples.of(split.training(), config.historyLength());
        Samples holdout = Samples.of(split.holdout(), config.historyLength());
        if (train.size() == 0) {
            throw new IllegalArgumentException("The training episodes hold no transition (every episode has one "
                    + "step); the ensemble needs episodes of at least two steps");
        }
        double[] deltaMean = new double[s];
        double[] deltaStd = new double[s];
        for (double[] delta : train.deltas()) {
            for (int j = 0; j < s; j++) {
                deltaMean[j] += delta[j] / train.size();
            }
        }
        for (double[] delta : train.deltas()) {
            for (int j = 0; j < s; j++) {
                deltaStd[j] += (delta[j] - deltaMean[j]) * (delta[j] - deltaMean[j]) / train.size();
            }
        }
        for (int j = 0; j < s; j++) {
            // A feature that never changes has no spread to standardise by: keep its unit.
            deltaStd[j] = deltaStd[j] > 1e-12 ? Math.sqrt(deltaStd[j]) : 1.0;
        }
        double[][] trainTargets = standardise(train.deltas(), deltaMean, deltaStd);
        double[][] holdoutTargets = standardise(holdout.deltas(), deltaMean, deltaStd);

        SplittableRandom root = new SplittableRandom(config.seed());
        List<GaussianMlp> members = new ArrayList<>();
        List<MemberFit> fits = new ArrayList<>();
        for (int m = 0; m < config.members(); m++) {
            SplittableRandom memberRandom = root.split();
            int memberSeed = memberRandom.nextInt();
            MemberResult result = fitMember(m, memberSeed, memberRandom, train.inputs(), trainTargets,
                    holdout.inputs(), holdoutTargets, s);
            members.add(result.mlp());
            fits.add(result.fit());
        }
        GaussianEnsembleModel model = new GaussianEnsembleModel(config, s, a, deltaMean, deltaStd, members,
                config.seed());
        return new EnsembleFit(model, fits, train.size(), holdout.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private record MemberResult(GaussianMlp mlp, MemberFit fit) {}

    private MemberResult fitMember(int m, int memberSeed, SplittableRandom random, double[][] inputs,
            double[][] targets, double[][] holdoutInputs, double[][] holdoutTargets, int s) {
        int n = inputs.length;
        int[] bootstrap = new int[n];
        for (int i = 0; i < n; i++) {
            bootstrap[i] = random.nextInt(n);
        }
        Engine.getEngine(TorchRuntime.ENGINE_NAME).setRandomSeed(memberSeed);
        SequentialBlock block = new SequentialBlock();
        for (int l = 0; l < config.hiddenLayers(); l++) {
            block.add(Linear.builder().setUnits(config.hiddenWidth()).build()).add(Activation::relu);
        }
        block.add(Linear.builder().setUnits(2L * s).build());
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .build());
        int width = inputs[0].length;
        try (Model model = Model.newInstance("dynamics-member-" + m, Device.cpu(), TorchRuntime.ENGINE_NAME)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(1, width));
                List<Parameter> parameters = new ArrayList<>(block.getParameters().values());
                GaussianMlp best = extract(block);
                double bestNll = Double.POSITIVE_INFINITY;
                int bestEpoch = 0;
                int epoch = 0;
                boolean hasHoldout = holdoutInputs.length > 0;
                while (epoch < config.maxEpochs()) {
                    epoch++;
                    shuffle(bootstrap, random);
                    for (int from = 0; from < n; from += config.batchSize()) {
                        int to = Math.min(n, from + config.batchSize());
                        trainBatch(trainer, parameters, inputs, targets, bootstrap, from, to, s);
                    }
                    GaussianMlp current = extract(block);
                    if (!hasHoldout) {
                        best = current;
                        bestEpoch = epoch;
                        continue;
                    }
                    double nll = meanNll(current, holdoutInputs, holdoutTargets);
                    if (bestEpoch == 0 || nll < bestNll - 1e-4 * Math.abs(bestNll)) {
                        bestNll = nll;
                        best = current;
                        bestEpoch = epoch;
                    } else if (epoch - bestEpoch >= config.patience()) {
                        break;
                    }
                }
                return new MemberResult(best, new MemberFit(m, memberSeed, epoch, bestEpoch,
                        hasHoldout ? bestNll : Double.NaN));
            }
        }
    }

    private void trainBatch(Trainer trainer, List<Parameter> parameters, double[][] inputs, double[][] targets,
            int[] order, int from, int to, int s) {
        int b = to - from;
        int width = inputs[0].length;
        float[] x = new float[b * width];
        float[] y = new float[b * s];
        for (int i = 0; i < b; i++) {
            int row = order[from + i];
            for (int j = 0; j < width; j++) {
                x[i * width + j] = (float) inputs[row][j];
            }
            for (int j = 0; j < s; j++) {
                y[i * s + j] = (float) targets[row][j];
            }
        }
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray xs = batch.create(x, new Shape(b, width));
            NDArray ys = batch.create(y, new Shape(b, s));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray out = trainer.forward(new NDList(xs)).singletonOrThrow();
                NDArray mean = out.get(":, 0:" + s);
                NDArray raw = out.get(":, " + s + ":");
                NDArray max = batch.create((float) config.maxLogVariance());
                NDArray min = batch.create((float) config.minLogVariance());
                NDArray logVariance = max.sub(Activation.softPlus(max.sub(raw)));
                logVariance = min.add(Activation.softPlus(logVariance.sub(min)));
                NDArray nll = mean.sub(ys).square().mul(logVariance.neg().exp()).add(logVariance).mean();
                collector.backward(nll);
            }
            trainer.step();
            // DJL's PyTorch gradient collector accumulates: zero the gradients after every step.
            for (Parameter parameter : parameters) {
                NDArray gradient = parameter.getArray().getGradient();
                gradient.subi(gradient);
            }
        }
    }

    /** Mean over samples and features of {@code (mu - y)^2 / var + log var} (twice the NLL, constant dropped). */
    private double meanNll(GaussianMlp mlp, double[][] inputs, double[][] targets) {
        double sum = 0;
        int s = targets[0].length;
        for (int i = 0; i < inputs.length; i++) {
            double[][] out = mlp.forward(inputs[i], config.minLogVariance(), config.maxLogVariance());
            for (int j = 0; j < s; j++) {
                double diff = out[0][j] - targets[i][j];
                sum += diff * diff * Math.exp(-out[1][j]) + out[1][j];
            }
        }
        return sum / ((double) inputs.length * s);
    }

    /** Copies a DJL block's Linear layers into plain Java, in order. */
    static GaussianMlp extract(SequentialBlock block) {
        List<DenseLayer> layers = new ArrayList<>();
        for (Block child : block.getChildren().values()) {
            if (child instanceof Linear linear) {
                NDArray weight = linear.getParameters().get("weight").getArray();
                NDArray bias = linear.getParameters().get("bias").getArray();
                Shape shape = weight.getShape();
                layers.add(new DenseLayer((int) shape.get(1), (int) shape.get(0), weight.toFloatArray(),
                        bias.toFloatArray()));
            }
        }
        return new GaussianMlp(layers);
    }

    private static double[][] standardise(double[][] deltas, double[] mean, double[] std) {
        double[][] out = new double[deltas.length][];
        for (int i = 0; i < deltas.length; i++) {
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (deltas[i][j] - mean[j]) / std[j];
            }
        }
        return out;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
