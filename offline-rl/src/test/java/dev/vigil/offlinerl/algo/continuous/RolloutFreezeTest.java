package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fixed-length rollouts: ending early, by an OOD step or at a logged end, charges the steps left. */
class RolloutFreezeTest {

    /** Reward -2 per step; ends after its second step with frozen reward -3 per step left. */
    private static final SimulatedEnvironment ENDS_AT_TWO = oneDimensional(true);

    /** Reward -2, cost 0.5 per step, never ends: only the horizon stops it. */
    private static final SimulatedEnvironment NEVER_ENDS = oneDimensional(false);

    /** State x moves to x + 0.1 each step, reward -2, cost 0.5. */
    private static SimulatedEnvironment oneDimensional(boolean endsAtTwo) {
        return new LineEnvironment() {
            @Override
            public StepOutcome step(double[] previousState, double[] state, double[] action) {
                boolean end = endsAtTwo && previousState != null;
                return new StepOutcome(new double[] {state[0] + 0.1}, -2, 0.5, end, end ? -3 : 0);
            }
        };
    }

    private static final OodGuardian ALWAYS_OUT = new OodGuardian() {
        @Override
        public GuardVerdict judge(double[] point) {
            return GuardVerdict.of(-1, 0);
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    /** Flags only states above 0.05: the first step (state 0) is in support, the later ones are not. */
    private static final OodGuardian OUT_AFTER_FIRST = new OodGuardian() {
        @Override
        public GuardVerdict judge(double[] point) {
            return GuardVerdict.of(point[0] > 0.05 ? -1 : 1, 0);
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    private static RolloutBatch roll(OodGuardian guardian, boolean guarded) {
        return roll(ENDS_AT_TWO, guardian, guarded, false);
    }

    private static RolloutBatch roll(SimulatedEnvironment environment, OodGuardian guardian, boolean guarded,
            boolean continueAfterOod) {
        GaussianPolicyNetwork policy = new GaussianPolicyNetwork(1, 1, new int[] {4}, -1, new SplittableRandom(1));
        return new RolloutSampler(environment, guardian, guarded, -25, 1, 5, continueAfterOod).sample(policy,
                new double[][] {{0}}, 1, false, new SplittableRandom(2));
    }

    @Test
    void aLoggedEndBeforeTheHorizonChargesTheFrozenStepsLeft() {
        RolloutBatch batch = roll(null, false);
        // Step 0: -2. Step 1 ends the episode: -2 plus -3 for each of the 3 steps left of the horizon 5.
        assertThat(batch.rewards()).containsExactly(-2, -2 - 3 * 3);
        assertThat(batch.costs()).containsExactly(0.5, 0.5);
        assertThat(batch.ended()).containsExactly(true);
    }

    @Test
    void aGuardedOodStepIsChargedForEveryStepLeft() {
        RolloutBatch guarded = roll(ALWAYS_OUT, true);
        // OOD at step 0 of 5: the frozen state is OOD at every step, -25 and cost 1 each.
        assertThat(guarded.rewards()).containsExactly(-25.0 * 5);
        assertThat(guarded.costs()).containsExactly(5.0);
        assertThat(guarded.ood()).containsExactly(true);

        RolloutBatch unguarded = roll(ALWAYS_OUT, false);
        assertThat(unguarded.rewards()).containsExactly(-2, -2 - 3 * 3);
        assertThat(unguarded.ood()).containsExactly(true, true);
    }

    @Test
    void continuingAfterOodPaysEachFlaggedStepOnceAndGoesOn() {
        RolloutBatch frozen = roll(NEVER_ENDS, OUT_AFTER_FIRST, true, false);
        // Step 0 in support (-2, 0.5); step 1 flagged: -25 and cost 1 for each of the 4 steps left; ends there.
        assertThat(frozen.rewards()).containsExactly(-2, -25.0 * 4);
        assertThat(frozen.costs()).containsExactly(0.5, 4.0);
        assertThat(frozen.ended()).containsExactly(true);

        RolloutBatch going = roll(NEVER_ENDS, OUT_AFTER_FIRST, true, true);
        // Step 0 in support; steps 1-4 are flagged (states 0.1 to 0.4), each paid -25 and 1 in place of the model's
        // -2 and 0.5, and the rollout runs to the horizon through the model.
        assertThat(going.rewards()).containsExactly(-2, -25, -25, -25, -25);
        assertThat(going.costs()).containsExactly(0.5, 1, 1, 1, 1);
        assertThat(going.ood()).containsExactly(false, true, true, true, true);
        assertThat(going.states()[4][0]).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(going.ended()).containsExactly(false);
    }

    @Test
    void continuingAfterOodStillChargesTheFrozenStepsOfALoggedEnd() {
        RolloutBatch going = roll(ENDS_AT_TWO, ALWAYS_OUT, true, true);
        // Both steps flagged: -25 each; the second also ends the logged episode, -3 for each of the 3 steps left.
        assertThat(going.rewards()).containsExactly(-25, -25 - 3 * 3);
        assertThat(going.costs()).containsExactly(1, 1);
        assertThat(going.ended()).containsExactly(true);
    }

    @Test
    void unguardedRolloutsIgnoreTheMode() {
        assertThat(roll(NEVER_ENDS, OUT_AFTER_FIRST, false, true).rewards())
                .containsExactly(roll(NEVER_ENDS, OUT_AFTER_FIRST, false, false).rewards());
    }
}
