package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.safety.guardian.OodGuardian;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rolls the Gaussian policy through a {@link SimulatedEnvironment} from random training initial states, OGSRL's
 * way: at each step the guardian judges the scaled (state, clipped action). Guarded: an OOD step earns
 * {@code oodPenalty} and {@code oodCost}, the environment is not called, and the episode is frozen there for the rest
 * of the horizon: every frozen step is the same OOD step again, so the penalty and cost are charged once per step left
 * (this step included), lumped on this step, and the episode ends for the update. Unguarded: the verdict is only
 * recorded. An episode that reaches a logged end early is frozen there too: the steps left earn the environment's
 * {@link SimulatedEnvironment.StepOutcome#frozenReward} each. Without these two, per-step negative rewards (OGSRL's
 * SOFA reward) would make ending early, by an OOD step or by matching a logged end, the best policy.
 *
 * <p>Guarded and {@code continueAfterOod} (opt-in, {@link ModelBasedConfig#afterOod}): an OOD step earns
 * {@code oodPenalty} and {@code oodCost} for itself in place of the model's reward and cost, and the rollout goes on
 * through the model. Why: a frozen rollout never shows the update a step after the first OOD one, so the policy
 * never learns how to bring a patient back into the data's support.
 */
public final class RolloutSampler {

    private final SimulatedEnvironment environment;
    private final OodGuardian guardian;
    private final boolean guarded;
    private final double oodPenalty;
    private final double oodCost;
    private final int horizon;
    private final boolean continueAfterOod;

    /** A sampler that freezes a guarded rollout at its first OOD step, as released. */
    public RolloutSampler(SimulatedEnvironment environment, OodGuardian guardian, boolean guarded, double oodPenalty,
            double oodCost, int horizon) {
        this(environment, guardian, guarded, oodPenalty, oodCost, horizon, false);
    }

    /**
     * @param guardian judges (state, action) points; null judges nothing (no OOD measured; tests only)
     * @param continueAfterOod a guarded rollout pays for an OOD step and goes on instead of freezing there
     */
    public RolloutSampler(SimulatedEnvironment environment, OodGuardian guardian, boolean guarded, double oodPenalty,
            double oodCost, int horizon, boolean continueAfterOod) {
        if (guarded && guardian == null) {
            throw new IllegalArgumentException("A guarded rollout needs a guardian");
        }
        if (guardian != null && guardian.dimension() != environment.stateDimension() + environment.actionDimension()) {
            throw new IllegalArgumentException("The guardian judges points of dimension " + guardian.dimension()
                    + " but (state, action) has " + (environment.stateDimension() + environment.actionDimension()));
        }
        this.environment = environment;
        this.guardian = guardian;
        this.guarded = guarded;
        this.oodPenalty = oodPenalty;
        this.oodCost = oodCost;
        this.horizon = horizon;
        this.continueAfterOod = continueAfterOod;
    }

    /**
     * @param stochastic draw actions from the policy (training) or take its mean (evaluation)
     */
    public RolloutBatch sample(GaussianPolicyNetwork policy, double[][] initialStates, int episodes,
            boolean stochastic, SplittableRandom rng) {
        int s = environment.stateDimension();
        int a = environment.actionDimension();
        List<double[]> states = new ArrayList<>();
        List<double[]> actions = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        List<Boolean> ood = new ArrayList<>();
        int[] start = new int[episodes];
        int[] length = new int[episodes];
        boolean[] ended = new boolean[episodes];
        double[][] finalStates = new double[episodes][];
        double[] point = new double[s + a];
        for (int e = 0; e < episodes; e++) {
            start[e] = states.size();
            double[] state = initialStates[rng.nextInt(initialStates.length)].clone();
            double[] previous = null;
            for (int t = 0; t < horizon; t++) {
                double[] raw = stochastic ? policy.sample(state, rng) : policy.mean(state);
                double[] clipped = new double[a];
                for (int j = 0; j < a; j++) {
                    clipped[j] = Math.max(-1, Math.min(1, raw[j]));
                }
                states.add(state);
                actions.add(raw);
                length[e]++;
                boolean out = false;
                if (guardian != null) {
                    System.arraycopy(state, 0, point, 0, s);
                    System.arraycopy(clipped, 0, point, s, a);
                    out = !guardian.judge(point).inSupport();
                }
                ood.add(out);
                boolean penalised = out && guarded;
                if (penalised && !continueAfterOod) {
                    int left = horizon - t;
                    rewards.add(oodPenalty * left);
                    costs.add(oodCost * left);
                    ended[e] = true;
                    break;
                }
                SimulatedEnvironment.StepOutcome step = environment.step(previous, state, clipped);
                double frozen = step.terminal() ? step.frozenReward() * (horizon - 1 - t) : 0;
                rewards.add((penalised ? oodPenalty : step.reward()) + frozen);
                costs.add(penalised ? oodCost : step.cost());
                previous = state;
                state = step.nextState();
                if (step.terminal()) {
                    ended[e] = true;
                    break;
                }
            }
            finalStates[e] = state;
        }
        return new RolloutBatch(states.toArray(new double[0][]), actions.toArray(new double[0][]),
                rewards.stream().mapToDouble(Double::doubleValue).toArray(),
                costs.stream().mapToDouble(Double::doubleValue).toArray(), toArray(ood), start, length, ended,
                finalStates);
    }

    private static boolean[] toArray(List<Boolean> flags) {
        boolean[] out = new boolean[flags.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = flags.get(i);
        }
        return out;
    }
}
