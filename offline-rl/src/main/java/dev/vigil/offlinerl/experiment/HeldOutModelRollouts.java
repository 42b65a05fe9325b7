package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.algo.continuous.SimulatedEnvironment;
import dev.vigil.safety.guardian.MinMaxScaler;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.Arrays;

/**
 * OGSRL's own evaluation, as its released code does it: rollouts of the policy's mean dose through the learned
 * environment model from held-out patients' first states, every step judged by the guardian and nothing frozen. It
 * is what the paper's OOD rates measure, so it is reported next to the true-rollout rate: the difference between the
 * two is how much of the support the model can see.
 *
 * <p>Not {@code RolloutSampler} with {@code stochastic = false}: that one acts with the bare policy network on the
 * training scale and draws its starts at random, while this one takes any {@link ContinuousPolicy} in dataset units
 * (a {@code ShieldedPolicy} included) and rolls every held-out start exactly once.
 */
final class HeldOutModelRollouts {

    /**
     * @param oodRate share of judged model steps the guardian flags
     * @param meanReturn mean model return per rollout
     * @param meanCost mean model cost per rollout
     */
    record Result(double oodRate, double meanReturn, double meanCost) {
    }

    private HeldOutModelRollouts() {
    }

    /**
     * The held-out episodes' first states on the scaler's scale; a missing feature is filled with {@code fill}.
     *
     * @param scaler the (state, dose) scaler; the dose part of the row is scaled from zeros and dropped
     */
    static double[][] initialStates(TrajectoryDataset heldOut, MinMaxScaler scaler, double[] fill) {
        double[][] out = new double[heldOut.episodes().size()][];
        for (int e = 0; e < out.length; e++) {
            Episode episode = heldOut.episodes().get(e);
            double[] raw = ((ContinuousStates) episode.states()).values()[0].clone();
            for (int f = 0; f < raw.length; f++) {
                if (!Double.isFinite(raw[f])) {
                    raw[f] = fill[f];
                }
            }
            double[] row = Arrays.copyOf(raw, scaler.dimension());
            out[e] = Arrays.copyOf(scaler.transform(row), raw.length);
        }
        return out;
    }

    /**
     * Rolls {@code policy}'s mean dose for {@code horizon} steps (or to the model's end of an episode) from every
     * initial state.
     *
     * @param initial {@code double[n][s]} on the scaler's scale
     */
    static Result run(SimulatedEnvironment environment, OodGuardian guardian, ContinuousPolicy policy,
            MinMaxScaler scaler, double[][] initial, int horizon) {
        int s = environment.stateDimension();
        long judged = 0;
        long ood = 0;
        double totalReturn = 0;
        double totalCost = 0;
        for (double[] start : initial) {
            double[] previous = null;
            double[] state = start;
            for (int t = 0; t < horizon; t++) {
                double[] action = scaledDose(policy, scaler, state, s);
                double[] point = Arrays.copyOf(state, s + action.length);
                System.arraycopy(action, 0, point, s, action.length);
                judged++;
                if (!guardian.judge(point).inSupport()) {
                    ood++;
                }
                SimulatedEnvironment.StepOutcome outcome = environment.step(previous, state, action);
                totalReturn += outcome.reward();
                totalCost += outcome.cost();
                if (outcome.terminal()) {
                    break;
                }
                previous = state;
                state = outcome.nextState();
            }
        }
        return new Result((double) ood / judged, totalReturn / initial.length, totalCost / initial.length);
    }

    /** The policy's mean dose for a scaled state, on the scale and clipped to [-1, 1] as the model expects. */
    private static double[] scaledDose(ContinuousPolicy policy, MinMaxScaler scaler, double[] state, int s) {
        double[] raw = Arrays.copyOf(scaler.inverseTransform(Arrays.copyOf(state, scaler.dimension())), s);
        double[] dose = policy.act(raw);
        double[] row = Arrays.copyOf(raw, scaler.dimension());
        System.arraycopy(dose, 0, row, s, dose.length);
        double[] scaled = Arrays.copyOfRange(scaler.transform(row), s, scaler.dimension());
        for (int j = 0; j < scaled.length; j++) {
            scaled[j] = Math.max(-1, Math.min(1, scaled[j]));
        }
        return scaled;
    }
}
