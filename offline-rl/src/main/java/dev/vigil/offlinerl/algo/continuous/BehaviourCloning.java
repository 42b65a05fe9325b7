package dev.vigil.offlinerl.algo.continuous;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Starts a {@link GaussianPolicyNetwork} from the clinicians' own state-dependent dosing: the mean network is
 * regressed on the logged (state, action) pairs by least absolute deviations with Adam on seeded mini-batches, and
 * each action's log standard deviation is set to the log of the remaining root-mean-square residual, never wider
 * than the configured {@code logStdInit}.
 *
 * <p>Why absolute deviations: the fit is the conditional <em>median</em> dose. Doses such as vasopressors are
 * zero-inflated (none in most blocs, a real dose in some); a least-squares fit gives their conditional mean, a small
 * dose in every bloc, which no clinician gives and which alone costs 3-4 SOFA cardiovascular points per bloc. The
 * median gives none where most clinicians give none and their typical dose where most give one — what a
 * deterministic policy (the deployed mean) should do.
 *
 * <p>A logged dose at an end of the range (none, or the most ever given) is fitted to a target halfway into the
 * bounded tanh's clipped band ({@link #END_MARGIN} past the end): a median fitted to exactly the end hovers around
 * it, and half of the time a hair inside it — a vasopressor of 0.0006 ug/kg/min, which the SOFA score counts as
 * on. Past the end, the deployed (clipped) mean is exactly the end.
 *
 * <p>Why: OGSRL's trust-region steps are small (KL 0.01 per iteration); starting them from one state-independent
 * dose leaves the learner worse than the clinicians for many iterations, even inside the model. Starting at the
 * clinicians' dosing makes every iteration an improvement on the behaviour policy, inside its support — the
 * setting in which a guardian is meant to work. The number of steps is fixed (not epochs) so that the cost does
 * not grow with the cohort.
 */
final class BehaviourCloning {

    /**
     * What the fit did.
     *
     * @param mseBefore mean squared error of the initial mean on the training scale (over all logged pairs),
     *     averaged over actions: reported, not minimised
     * @param mseAfter the same after the fit
     * @param residualStd per action, the root mean squared residual after the fit
     */
    record Result(double mseBefore, double mseAfter, double[] residualStd) {
    }

    /** How far past an end of the [-1, 1] range a logged end dose is fitted: half the bounded tanh's overshoot. */
    static final double END_MARGIN = (MlpSnapshot.BOUNDED_TANH_GAIN - 1) / 2;

    private BehaviourCloning() {
    }

    /**
     * Fits {@code policy}'s mean to the logged pairs and narrows its log-stds to the residual spread.
     *
     * @param states logged states on the training scale
     * @param actions the logged actions on the training ([-1, 1]) scale
     * @param steps Adam steps, >= 1
     * @param batchSize rows per step, >= 1
     * @param maxLogStd the widest log-std kept (the config's {@code logStdInit})
     * @throws IllegalArgumentException for no rows or rows of different lengths
     */
    static Result fit(GaussianPolicyNetwork policy, double[][] states, double[][] actions, int steps, int batchSize,
            double learningRate, double maxLogStd, SplittableRandom rng) {
        if (states.length == 0 || states.length != actions.length) {
            throw new IllegalArgumentException("Behaviour cloning needs logged (state, action) pairs; got "
                    + states.length + " states and " + actions.length + " actions");
        }
        Mlp mean = policy.meanNetwork();
        int a = policy.actionDimension();
        double before = meanSquaredError(mean, states, actions, a)[a];
        double[] params = mean.parameters();
        double[] gradient = new double[params.length];
        double[] outGrad = new double[a];
        Adam adam = new Adam(params.length, learningRate);
        int n = states.length;
        int batch = Math.min(batchSize, n);
        for (int step = 0; step < steps; step++) {
            Arrays.fill(gradient, 0);
            for (int k = 0; k < batch; k++) {
                int row = rng.nextInt(n);
                double[][] h = mean.forward(states[row]);
                double[] mu = h[h.length - 1];
                for (int j = 0; j < a; j++) {
                    outGrad[j] = Math.signum(mu[j] - target(actions[row][j])) / (batch * a);
                }
                mean.backward(h, outGrad, gradient);
            }
            adam.step(params, gradient);
            mean.setParameters(params);
        }
        double[] after = meanSquaredError(mean, states, actions, a);
        double[] residual = new double[a];
        double[] logStd = policy.logStd();
        for (int j = 0; j < a; j++) {
            residual[j] = Math.sqrt(after[j]);
            // A floor keeps a perfectly fitted action explorable (and its log-probabilities finite).
            logStd[j] = Math.min(maxLogStd, Math.log(Math.max(residual[j], 0.05)));
        }
        policy.setLogStd(logStd);
        return new Result(before, after[a], residual);
    }

    private static double target(double action) {
        return action <= -1 ? -1 - END_MARGIN : action >= 1 ? 1 + END_MARGIN : action;
    }

    /** Per action the mean squared error (deployed, i.e. clipped, mean), then (at index {@code a}) their mean. */
    private static double[] meanSquaredError(Mlp mean, double[][] states, double[][] actions, int a) {
        double[] sum = new double[a + 1];
        for (int i = 0; i < states.length; i++) {
            double[] mu = mean.apply(states[i]);
            for (int j = 0; j < a; j++) {
                double e = Math.max(-1, Math.min(1, mu[j])) - actions[i][j];
                sum[j] += e * e;
            }
        }
        double total = 0;
        for (int j = 0; j < a; j++) {
            sum[j] /= states.length;
            total += sum[j];
        }
        sum[a] = total / a;
        return sum;
    }
}
