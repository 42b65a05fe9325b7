package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fixed-length rollouts: ending early, by an OOD step or at a logged end, charges the steps left. */
class RolloutFreezeTest {

    /** Reward -2 per step; ends after its second step with frozen reward -3 per step left. */
    private static final SimulatedEnvironment ENDS_AT_TWO = new SimulatedEnvironment() {
        @Override
        public int stateDimension() {
            return 1;
        }

        @Override
        public int actionDimension() {
            return 1;
        }

        @Override
        public StepOutcome step(double[] previousState, double[] state, double[] action) {
            boolean second = previousState != null;
            return new StepOutcome(new double[] {state[0] + 0.1}, -2, 0.5, second, second ? -3 : 0);
        }
    };

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

    private static RolloutBatch roll(OodGuardian guardian, boolean guarded) {
        GaussianPolicyNetwork policy = new GaussianPolicyNetwork(1, 1, new int[] {4}, -1, new SplittableRandom(1));
        return new RolloutSampler(ENDS_AT_TWO, guardian, guarded, -25, 1, 5).sample(policy,
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
}
