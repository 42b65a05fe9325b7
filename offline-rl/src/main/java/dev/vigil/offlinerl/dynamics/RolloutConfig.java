package dev.vigil.offlinerl.dynamics;

/**
 * Configuration of a {@link GuardedRollout} (OGSRL enforcement, methods.md section 1).
 *
 * @param horizon steps per rollout, >= 1 (default 20)
 * @param oodPenalty the reward of a step the guardian flags out of distribution, finite (default -25)
 * @param oodCost the cost of a flagged step, >= 0 (default 1)
 * @param guardWindow how many recent (state, action) points of the rollout the guardian judges, >= 1
 *     (default 1: the current one; more judges the window with {@code OodGuardian.judgeWindow})
 * @param discount per-step discount of returns and costs, in (0, 1] (default 1: undiscounted, as reported)
 * @param endOnTerminal whether a model's terminal transition ends the rollout early (default true)
 * @param frozenSteps what the steps after a flagged one contribute while the episode is frozen
 */
public record RolloutConfig(int horizon, double oodPenalty, double oodCost, int guardWindow, double discount,
        boolean endOnTerminal, FrozenSteps frozenSteps) {

    /**
     * After a flagged step the episode is frozen in that state for the rest of the horizon (as released):
     * no model step and no policy call. The paper leaves the frozen steps' rewards unstated.
     */
    public enum FrozenSteps {
        /** Frozen steps add nothing: the penalty is paid once (default). */
        ZERO,
        /** Every frozen step pays the penalty and the cost again, as if judged OOD each step. */
        REPEAT_PENALTY
    }

    public RolloutConfig {
        if (horizon < 1) {
            throw new IllegalArgumentException("RolloutConfig horizon is " + horizon + "; use at least 1 (20 as in "
                    + "OGSRL)");
        }
        if (!Double.isFinite(oodPenalty)) {
            throw new IllegalArgumentException("RolloutConfig oodPenalty is " + oodPenalty + "; use a finite reward,"
                    + " e.g. -25");
        }
        if (!(oodCost >= 0) || Double.isInfinite(oodCost)) {
            throw new IllegalArgumentException("RolloutConfig oodCost is " + oodCost + "; use a finite cost >= 0");
        }
        if (guardWindow < 1) {
            throw new IllegalArgumentException("RolloutConfig guardWindow is " + guardWindow + "; use 1 to judge the"
                    + " current step alone");
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("RolloutConfig discount is " + discount + "; use a value in (0, 1]");
        }
        if (frozenSteps == null) {
            throw new IllegalArgumentException("RolloutConfig frozenSteps is null; choose ZERO or REPEAT_PENALTY");
        }
    }

    /** OGSRL: 20 steps, penalty -25, cost 1, current step judged, undiscounted, frozen steps add nothing. */
    public static RolloutConfig defaults() {
        return new RolloutConfig(20, -25, 1, 1, 1.0, true, FrozenSteps.ZERO);
    }
}
