package dev.vigil.offlinerl.dynamics;

import dev.vigil.safety.guardian.EnsemblePredictor;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A trained probabilistic dynamics ensemble (see {@link GaussianEnsembleConfig}), evaluated in plain Java:
 * no DJL is needed to predict, save or load.
 *
 * <p>Inputs are the last k scaled states (oldest first, the oldest repeated when fewer are given) and the
 * scaled action, concatenated to {@code double[k * s + a]}. Member m outputs a Gaussian over the
 * standardised delta; {@code next = state + deltaMean + deltaStd * z}.
 *
 * <p>{@link #predict(double[])} returns every member's mean next state, so the model plugs into the safety
 * module's ensemble-disagreement guardian. {@link #step} samples one member uniformly and then its
 * Gaussian, with a {@link SplittableRandom} seeded from the configuration (or {@link #reseeded}); it never
 * ends a trajectory ({@code terminal} is always false). Prediction methods are thread-safe; {@code step}
 * is synchronised on the sampler.
 */
public final class GaussianEnsembleModel implements EnvironmentModel, EnsemblePredictor {

    private final GaussianEnsembleConfig config;
    private final int stateDimension;
    private final int actionDimension;
    private final double[] deltaMean;
    private final double[] deltaStd;
    private final List<GaussianMlp> members;
    private final SplittableRandom sampler;

    GaussianEnsembleModel(GaussianEnsembleConfig config, int stateDimension, int actionDimension, double[] deltaMean,
            double[] deltaStd, List<GaussianMlp> members, long samplerSeed) {
        if (members.size() != config.members()) {
            throw new IllegalArgumentException("The configuration says " + config.members() + " members, got "
                    + members.size());
        }
        int inputs = config.historyLength() * stateDimension + actionDimension;
        for (GaussianMlp member : members) {
            if (member.inputs() != inputs || member.outputs() != stateDimension) {
                throw new IllegalArgumentException("A member maps " + member.inputs() + " inputs to " + member.outputs()
                        + " features; expected " + inputs + " -> " + stateDimension);
            }
        }
        if (deltaMean.length != stateDimension || deltaStd.length != stateDimension) {
            throw new IllegalArgumentException("Delta statistics need " + stateDimension + " values each");
        }
        this.config = config;
        this.stateDimension = stateDimension;
        this.actionDimension = actionDimension;
        this.deltaMean = deltaMean.clone();
        this.deltaStd = deltaStd.clone();
        this.members = List.copyOf(members);
        this.sampler = new SplittableRandom(samplerSeed);
    }

    /** The same trained ensemble with a fresh sampler seeded by {@code seed} (e.g. one per rollout worker). */
    public GaussianEnsembleModel reseeded(long seed) {
        return new GaussianEnsembleModel(config, stateDimension, actionDimension, deltaMean, deltaStd, members, seed);
    }

    @Override
    public Transition step(double[][] history, double[] action) {
        double[][] window = Matrices.window(history, config.historyLength(), stateDimension, action, actionDimension);
        double[] input = inputOf(window, action);
        double[] current = window[window.length - 1];
        double[] next = new double[stateDimension];
        synchronized (sampler) {
            GaussianMlp member = members.get(sampler.nextInt(members.size()));
            double[][] out = member.forward(input, config.minLogVariance(), config.maxLogVariance());
            for (int j = 0; j < stateDimension; j++) {
                double z = out[0][j] + Math.exp(0.5 * out[1][j]) * sampler.nextGaussian();
                next[j] = current[j] + deltaMean[j] + deltaStd[j] * z;
            }
        }
        return new Transition(next, false);
    }

    /**
     * Every member's Gaussian over the next state.
     *
     * @param history {@code double[h][s]}, oldest first
     * @param action {@code double[a]}
     * @return one prediction per member, in member order
     */
    public List<GaussianPrediction> predictDistributions(double[][] history, double[] action) {
        double[][] window = Matrices.window(history, config.historyLength(), stateDimension, action, actionDimension);
        double[] input = inputOf(window, action);
        double[] current = window[window.length - 1];
        GaussianPrediction[] out = new GaussianPrediction[members.size()];
        for (int m = 0; m < members.size(); m++) {
            double[][] z = members.get(m).forward(input, config.minLogVariance(), config.maxLogVariance());
            double[] mean = new double[stateDimension];
            double[] variance = new double[stateDimension];
            for (int j = 0; j < stateDimension; j++) {
                mean[j] = current[j] + deltaMean[j] + deltaStd[j] * z[0][j];
                variance[j] = deltaStd[j] * deltaStd[j] * Math.exp(z[1][j]);
            }
            out[m] = new GaussianPrediction(mean, variance);
        }
        return List.of(out);
    }

    /**
     * Every member's mean next state.
     *
     * @return {@code double[members][s]}
     */
    public double[][] predictMeans(double[][] history, double[] action) {
        List<GaussianPrediction> predictions = predictDistributions(history, action);
        double[][] means = new double[predictions.size()][];
        for (int m = 0; m < means.length; m++) {
            means[m] = predictions.get(m).mean();
        }
        return means;
    }

    /**
     * Every member's mean next state for a scaled (state, action) point; a model with k > 1 reads the
     * state as a history of k equal states (no history known), as at the start of an episode.
     *
     * @param point {@code double[s + a]}
     * @return {@code double[members][s]}
     */
    @Override
    public double[][] predict(double[] point) {
        if (point == null || point.length != stateDimension + actionDimension) {
            throw new IllegalArgumentException("A point has " + (point == null ? "no" : point.length) + " values; "
                    + "expected state + action = " + (stateDimension + actionDimension));
        }
        double[] state = Arrays.copyOfRange(point, 0, stateDimension);
        double[] action = Arrays.copyOfRange(point, stateDimension, point.length);
        return predictMeans(new double[][] {state}, action);
    }

    /** The configuration the ensemble was trained with. */
    public GaussianEnsembleConfig config() {
        return config;
    }

    /** Training mean of the state delta, {@code double[s]} (a copy). */
    public double[] deltaMean() {
        return deltaMean.clone();
    }

    /** Training standard deviation of the state delta, {@code double[s]} (a copy). */
    public double[] deltaStd() {
        return deltaStd.clone();
    }

    List<GaussianMlp> members() {
        return members;
    }

    /** Ensemble size M. */
    public int memberCount() {
        return members.size();
    }

    @Override
    public int historyLength() {
        return config.historyLength();
    }

    @Override
    public int stateDimension() {
        return stateDimension;
    }

    @Override
    public int actionDimension() {
        return actionDimension;
    }

    /** The model input of a window, {@code double[k * s + a]}; shared with the trainer. */
    static double[] inputOf(double[][] window, double[] action) {
        int s = window[0].length;
        double[] input = new double[window.length * s + action.length];
        for (int i = 0; i < window.length; i++) {
            System.arraycopy(window[i], 0, input, i * s, s);
        }
        System.arraycopy(action, 0, input, window.length * s, action.length);
        return input;
    }
}
