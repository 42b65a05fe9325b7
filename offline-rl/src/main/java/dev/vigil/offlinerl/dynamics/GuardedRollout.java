package dev.vigil.offlinerl.dynamics;

import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rolls a policy through an {@link EnvironmentModel} under an {@link OodGuardian} (OGSRL enforcement).
 *
 * <p>At step t of an episode in state s_t: a = policy(s_t); the guardian judges the scaled (s_t, a) (or the
 * last {@code guardWindow} such points of this episode). In support: the model gives s_{t+1}; the step
 * earns reward(s_t, a, s_{t+1}) and cost(s_t, a, s_{t+1}). Out of distribution: the step earns
 * {@code oodPenalty} and {@code oodCost}, the model is not called, and the episode is frozen in s_t for
 * the rest of the horizon (see {@link RolloutConfig.FrozenSteps}). A terminal model transition ends the
 * episode when {@code endOnTerminal}. Step t is weighted by {@code discount^t}.
 *
 * <p>Deterministic given the model: a stochastic model carries its own seeded sampler
 * ({@link GaussianEnsembleModel#reseeded}). Episodes run in order, one after the other.
 */
public final class GuardedRollout {

    private final EnvironmentModel model;
    private final OodGuardian guardian;
    private final RewardFunction reward;
    private final CostFunction cost;
    private final RolloutConfig config;

    /**
     * @throws IllegalArgumentException if the guardian does not judge points of dimension {@code s + a}
     */
    public GuardedRollout(EnvironmentModel model, OodGuardian guardian, RewardFunction reward, CostFunction cost,
            RolloutConfig config) {
        if (model == null || guardian == null || reward == null || cost == null || config == null) {
            throw new IllegalArgumentException("A guarded rollout needs a model, a guardian, a reward function, a "
                    + "cost function (CostFunction.NONE for none) and a configuration");
        }
        int d = model.stateDimension() + model.actionDimension();
        if (guardian.dimension() != d) {
            throw new IllegalArgumentException("The guardian judges points of dimension " + guardian.dimension()
                    + " but the model's (state, action) has " + d + "; fit the guardian on the same scaled (state, "
                    + "action) rows as the model");
        }
        this.model = model;
        this.guardian = guardian;
        this.reward = reward;
        this.cost = cost;
        this.config = config;
    }

    /**
     * Runs one episode per initial state.
     *
     * @param policy scaled state to scaled action
     * @param initialStates {@code double[n][s]}, scaled; a model reading k > 1 states sees the initial state
     *     repeated until the episode has k of its own
     */
    public RolloutResult run(RolloutPolicy policy, double[][] initialStates) {
        if (policy == null || initialStates == null) {
            throw new IllegalArgumentException("A rollout needs a policy and initial states");
        }
        int n = initialStates.length;
        int h = config.horizon();
        int s = model.stateDimension();
        int a = model.actionDimension();
        double[] returns = new double[n];
        double[] costs = new double[n];
        boolean[][] ood = new boolean[n][h];
        boolean[][] frozen = new boolean[n][h];
        int[] lengths = new int[n];
        int judged = 0;
        for (int i = 0; i < n; i++) {
            Matrices.requireVector(initialStates[i], s, "Initial state " + i);
            Deque<double[]> history = new ArrayDeque<>();
            Deque<double[]> points = new ArrayDeque<>();
            double[] state = initialStates[i].clone();
            history.addLast(state);
            boolean isFrozen = false;
            double weight = 1;
            int t = 0;
            for (; t < h; t++, weight *= config.discount()) {
                if (isFrozen) {
                    frozen[i][t] = true;
                    if (config.frozenSteps() == RolloutConfig.FrozenSteps.REPEAT_PENALTY) {
                        returns[i] += weight * config.oodPenalty();
                        costs[i] += weight * config.oodCost();
                    }
                    continue;
                }
                double[] action = policy.act(state.clone());
                Matrices.requireVector(action, a, "The policy's action at step " + t);
                action = action.clone();
                points.addLast(Matrices.concat(state, action));
                if (points.size() > config.guardWindow()) {
                    points.removeFirst();
                }
                GuardVerdict verdict = points.size() == 1
                        ? guardian.judge(points.peekLast())
                        : guardian.judgeWindow(points.toArray(new double[0][]));
                judged++;
                if (!verdict.inSupport()) {
                    ood[i][t] = true;
                    returns[i] += weight * config.oodPenalty();
                    costs[i] += weight * config.oodCost();
                    isFrozen = true;
                    continue;
                }
                Transition transition = model.step(history.toArray(new double[0][]), action);
                double[] next = transition.nextState();
                returns[i] += weight * reward.reward(state.clone(), action.clone(), next.clone());
                double c = cost.cost(state.clone(), action.clone(), next.clone());
                if (!(c >= 0)) {
                    throw new IllegalArgumentException("The cost function returned " + c + " at step " + t
                            + "; costs are finite and >= 0");
                }
                costs[i] += weight * c;
                history.addLast(next);
                if (history.size() > model.historyLength()) {
                    history.removeFirst();
                }
                state = next;
                if (transition.terminal() && config.endOnTerminal()) {
                    t++;
                    break;
                }
            }
            lengths[i] = t;
        }
        return new RolloutResult(returns, costs, ood, frozen, lengths, judged);
    }
}
