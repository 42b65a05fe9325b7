package dev.vigil.offlinerl.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.OodGuardian;
import org.junit.jupiter.api.Test;

/**
 * Hand-made 1-D world: s' = s + a; the policy always gives a = 1; the guardian accepts |s| <= 2.5; the
 * reward is s' and the cost 0.5 whenever s' > 1.5.
 */
class GuardedRolloutTest {

    /** s' = s + a; terminal once s' reaches {@code terminalAt}. */
    private record Adder(double terminalAt) implements EnvironmentModel {
        @Override
        public Transition step(double[][] history, double[] action) {
            double next = history[history.length - 1][0] + action[0];
            return new Transition(new double[] {next}, next >= terminalAt);
        }

        @Override
        public int historyLength() {
            return 1;
        }

        @Override
        public int stateDimension() {
            return 1;
        }

        @Override
        public int actionDimension() {
            return 1;
        }
    }

    private static final OodGuardian BOX = new OodGuardian() {
        @Override
        public GuardVerdict judge(double[] point) {
            return GuardVerdict.of(2.5 - Math.abs(point[0]), 0);
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    private static final RewardFunction NEXT_STATE = (s, a, next) -> next[0];
    private static final CostFunction HIGH = (s, a, next) -> next[0] > 1.5 ? 0.5 : 0;
    private static final RolloutPolicy ONE = state -> new double[] {1};

    private static RolloutConfig config(int horizon, double discount, RolloutConfig.FrozenSteps frozen) {
        return new RolloutConfig(horizon, -25, 1, 1, discount, true, frozen);
    }

    @Test
    void outOfDistributionStepIsPenalisedAndFreezesTheEpisode() {
        GuardedRollout rollout = new GuardedRollout(new Adder(100), BOX, NEXT_STATE, HIGH,
                config(5, 1, RolloutConfig.FrozenSteps.ZERO));

        RolloutResult result = rollout.run(ONE, new double[][] {{0}, {10}});

        // Episode 0: 0->1 (r 1), 1->2 (r 2, c .5), 2->3 (r 3, c .5), s=3 is OOD (r -25, c 1), frozen.
        // Episode 1: s=10 is OOD at once (r -25, c 1), then frozen for 4 steps.
        assertThat(result.returns()).containsExactly(1 + 2 + 3 - 25, -25);
        assertThat(result.costs()).containsExactly(0.5 + 0.5 + 1, 1);
        assertThat(result.ood()[0]).containsExactly(false, false, false, true, false);
        assertThat(result.frozen()[0]).containsExactly(false, false, false, false, true);
        assertThat(result.ood()[1]).containsExactly(true, false, false, false, false);
        assertThat(result.frozen()[1]).containsExactly(false, true, true, true, true);
        assertThat(result.lengths()).containsExactly(5, 5);
        assertThat(result.judgedSteps()).isEqualTo(5);
        assertThat(result.oodRate()).isEqualTo(2.0 / 5);
        assertThat(result.oodEpisodeRate()).isEqualTo(1.0);
    }

    @Test
    void repeatPenaltyChargesEveryFrozenStep() {
        GuardedRollout rollout = new GuardedRollout(new Adder(100), BOX, NEXT_STATE, HIGH,
                config(5, 1, RolloutConfig.FrozenSteps.REPEAT_PENALTY));

        RolloutResult result = rollout.run(ONE, new double[][] {{0}, {10}});

        assertThat(result.returns()).containsExactly(1 + 2 + 3 - 25 - 25, -25 * 5);
        assertThat(result.costs()).containsExactly(0.5 + 0.5 + 1 + 1, 5);
    }

    @Test
    void discountWeighsStepTByGammaToTheT() {
        GuardedRollout rollout = new GuardedRollout(new Adder(100), BOX, NEXT_STATE, HIGH,
                config(5, 0.5, RolloutConfig.FrozenSteps.ZERO));

        RolloutResult result = rollout.run(ONE, new double[][] {{0}});

        assertThat(result.returns()[0]).isCloseTo(1 + 0.5 * 2 + 0.25 * 3 - 0.125 * 25, within(1e-12));
        assertThat(result.costs()[0]).isCloseTo(0.5 * 0.5 + 0.25 * 0.5 + 0.125 * 1, within(1e-12));
    }

    @Test
    void terminalTransitionEndsTheEpisode() {
        GuardedRollout rollout = new GuardedRollout(new Adder(2), BOX, NEXT_STATE, HIGH,
                config(20, 1, RolloutConfig.FrozenSteps.ZERO));

        RolloutResult result = rollout.run(ONE, new double[][] {{0}});

        assertThat(result.returns()).containsExactly(1 + 2);
        assertThat(result.lengths()).containsExactly(2);
        assertThat(result.oodRate()).isZero();
    }

    @Test
    void defaultsAreOgsrls() {
        RolloutConfig defaults = RolloutConfig.defaults();

        assertThat(defaults.horizon()).isEqualTo(20);
        assertThat(defaults.oodPenalty()).isEqualTo(-25);
    }

    @Test
    void refusesAGuardianOfAnotherDimension() {
        OodGuardian threeD = new OodGuardian() {
            @Override
            public GuardVerdict judge(double[] point) {
                return GuardVerdict.of(1, 0);
            }

            @Override
            public int dimension() {
                return 3;
            }
        };

        assertThatThrownBy(() -> new GuardedRollout(new Adder(100), threeD, NEXT_STATE, CostFunction.NONE,
                RolloutConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 3")
                .hasMessageContaining("has 2");
    }

    @Test
    void rollsTheNearestNeighbourModelFromLoggedStates() {
        NearestNeighbourModel model = NearestNeighbourModel.fit(java.util.List.of(ScaledEpisode.of("e",
                new double[][] {{0}, {1}, {2}}, new double[][] {{1}, {1}, {1}})));
        GuardedRollout rollout = new GuardedRollout(model, BOX, NEXT_STATE, CostFunction.NONE,
                config(20, 1, RolloutConfig.FrozenSteps.ZERO));

        RolloutResult result = rollout.run(ONE, new double[][] {{0}});

        // 0 -> 1, 1 -> 2 (the logged last row: terminal).
        assertThat(result.returns()).containsExactly(3);
        assertThat(result.lengths()).containsExactly(2);
    }
}
