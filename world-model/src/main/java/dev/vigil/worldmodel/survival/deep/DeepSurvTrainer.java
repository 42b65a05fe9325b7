package dev.vigil.worldmodel.survival.deep;

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
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.vigil.worldmodel.survival.BaselineHazard;
import dev.vigil.worldmodel.survival.SurvivalData;
import dev.vigil.worldmodel.survival.Ties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains DeepSurv with DJL's PyTorch engine, full batch: each epoch is one Adam step on the whole training split,
 * whose rows are sorted by decreasing time so that every risk-set sum is a prefix sum (see {@link #loss}).
 * Deterministic for a given seed on one intra-op thread (the test runner and {@code ./vigil} set
 * {@code ai.djl.pytorch.num_threads=1}): the split uses {@link Random}, initial weights and dropout masks use
 * the engine's generator seeded from the same seed.
 */
public final class DeepSurvTrainer {

    static final String ENGINE = "PyTorch";

    private DeepSurvTrainer() {}

    /**
     * Trains a DeepSurv model on {@code data}.
     *
     * @throws IllegalArgumentException if the data have no covariates or too few events for the split
     * @throws IllegalStateException if DJL is not in offline mode
     */
    public static DeepSurvModel train(SurvivalData data, DeepSurvConfig config) {
        if (!"true".equals(System.getProperty("ai.djl.offline"))) {
            throw new IllegalStateException("DJL is not in offline mode: start the JVM with -Dai.djl.offline=true "
                    + "(./vigil and the test runner do); Vigil never downloads at run time");
        }
        int p = data.covariateCount();
        if (p == 0) {
            throw new IllegalArgumentException(data.source() + ": DeepSurv needs at least one covariate");
        }
        int[] shuffled = IntStream.range(0, data.size()).toArray();
        Random random = new Random(config.seed());
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int validationSize = (int) Math.round(data.size() * config.validationFraction());
        SurvivalData validation = data.subset(Arrays.copyOfRange(shuffled, 0, validationSize));
        SurvivalData train = data.subset(Arrays.copyOfRange(shuffled, validationSize, shuffled.length));
        if (train.eventCount() < 2 || (validationSize > 0 && validation.eventCount() < 1)) {
            throw new IllegalArgumentException(data.source() + ": " + train.eventCount() + " events in the training "
                    + "split and " + validation.eventCount() + " in the validation split; need at least 2 and 1");
        }
        Standardiser standardiser = Standardiser.fit(train);
        double[][] trainX = standardiser.apply(train);
        double[][] validationX = standardiser.apply(validation);

        Fit fit = fit(train, trainX, validation, validationX, config);
        double[] trainRisk = new double[train.size()];
        for (int i = 0; i < trainRisk.length; i++) {
            trainRisk[i] = fit.network().forward(trainX[i]);
        }
        BaselineHazard baseline = BaselineHazard.estimate(train.times(), train.events(), trainRisk, Ties.BRESLOW);
        return new DeepSurvModel(data.covariateNames(), standardiser, fit.network(), baseline, config, fit.history());
    }

    private record Fit(DeepSurvMlp network, TrainingHistory history) {}

    private static Fit fit(SurvivalData train, double[][] trainX, SurvivalData validation, double[][] validationX,
            DeepSurvConfig config) {
        int n = train.size();
        int p = train.covariateCount();
        // Rows by decreasing time; lastTied[k] = the last sorted position with the same time as position k, so
        // the Breslow risk set of row k is positions 0..lastTied[k].
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> train.times()[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
        float[] x = new float[n * p];
        float[] events = new float[n];
        long[] lastTied = new long[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < p; j++) {
                x[k * p + j] = (float) trainX[order[k]][j];
            }
            events[k] = train.events()[order[k]];
        }
        for (int k = n - 1; k >= 0; k--) {
            boolean tiedWithNext = k + 1 < n && train.times()[order[k + 1]] == train.times()[order[k]];
            lastTied[k] = tiedWithNext ? lastTied[k + 1] : k;
        }
        int eventCount = train.eventCount();

        Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(config.seed()));
        SequentialBlock block = new SequentialBlock();
        for (int width : config.hiddenLayers()) {
            block.add(Linear.builder().setUnits(width).build()).add(Activation::relu);
            if (config.dropout() > 0) {
                block.add(Dropout.builder().optRate((float) config.dropout()).build());
            }
        }
        block.add(Linear.builder().setUnits(1).build());
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                .optWeightDecays((float) config.l2())
                .build();
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam);
        try (Model model = Model.newInstance("deepsurv", Device.cpu(), ENGINE)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(1, p));
                List<Parameter> parameters = new ArrayList<>(block.getParameters().values());
                List<Double> trainingLoss = new ArrayList<>();
                List<Double> validationLoss = new ArrayList<>();
                boolean hasValidation = validation.size() > 0;
                DeepSurvMlp best = extract(block);
                double bestLoss = Double.POSITIVE_INFINITY;
                int bestEpoch = 0;
                boolean stoppedEarly = false;
                for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray xs = batch.create(x, new Shape(n, p));
                        NDArray riskSetEnd = batch.create(lastTied);
                        NDArray eventMask = batch.create(events);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray risk = trainer.forward(new NDList(xs)).singletonOrThrow().reshape(n);
                            NDArray loss = loss(risk, riskSetEnd, eventMask, eventCount);
                            collector.backward(loss);
                            trainingLoss.add((double) loss.getFloat());
                        }
                        trainer.step();
                        // DJL's PyTorch gradient collector accumulates: zero the gradients after every step.
                        for (Parameter parameter : parameters) {
                            NDArray gradient = parameter.getArray().getGradient();
                            gradient.subi(gradient);
                        }
                    }
                    DeepSurvMlp current = extract(block);
                    if (!hasValidation) {
                        best = current;
                        bestEpoch = epoch;
                        continue;
                    }
                    double[] validationRisk = new double[validation.size()];
                    for (int i = 0; i < validationRisk.length; i++) {
                        validationRisk[i] = current.forward(validationX[i]);
                    }
                    double lossValue = BreslowLoss.perEvent(validation.times(), validation.events(), validationRisk);
                    validationLoss.add(lossValue);
                    if (lossValue < bestLoss) {
                        bestLoss = lossValue;
                        best = current;
                        bestEpoch = epoch;
                    } else if (epoch - bestEpoch >= config.patience()) {
                        stoppedEarly = true;
                        break;
                    }
                }
                return new Fit(best, new TrainingHistory(trainingLoss, validationLoss, bestEpoch, stoppedEarly, n,
                        validation.size()));
            }
        }
    }

    /**
     * Breslow negative log partial likelihood per event, for rows sorted by decreasing time: with c = cumsum
     * exp(h - max h), the log risk-set sum of row k is log c[riskSetEnd[k]] + max h.
     *
     * @param risk h, shape (n)
     * @param riskSetEnd last position of each row's tie group, int64, shape (n)
     * @param events 1 for an event, 0 for censored, shape (n)
     */
    static NDArray loss(NDArray risk, NDArray riskSetEnd, NDArray events, int eventCount) {
        NDArray max = risk.max().stopGradient();
        NDArray logRiskSet = risk.sub(max).exp().cumSum(0).gather(riskSetEnd, 0).log().add(max);
        return risk.sub(logRiskSet).mul(events).sum().neg().div((float) eventCount);
    }

    /** Copies the Linear layers of the block into plain Java, in order. */
    private static DeepSurvMlp extract(SequentialBlock block) {
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
        return new DeepSurvMlp(layers);
    }
}
