package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.offlinerl.dynamics.EnvironmentModel;
import dev.vigil.offlinerl.dynamics.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A learned model's step: history in, clipped prediction out, reward on the prediction, never an end. */
class EnsembleEnvironmentTest {

    /** next = last state + action, and records the histories it was given. */
    private static final class AddAction implements EnvironmentModel {
        final List<double[][]> histories = new ArrayList<>();

        @Override
        public Transition step(double[][] history, double[] action) {
            histories.add(history);
            double[] last = history[history.length - 1];
            return new Transition(new double[] {last[0] + action[0], last[1] - action[0]}, false);
        }

        @Override
        public int historyLength() {
            return 2;
        }

        @Override
        public int stateDimension() {
            return 2;
        }

        @Override
        public int actionDimension() {
            return 1;
        }
    }

    @Test
    void predictsFromTheHistoryClipsAndScoresThePrediction() {
        AddAction model = new AddAction();
        // reward = -(sum of the next state): shows which state was scored
        EnsembleEnvironment env = new EnsembleEnvironment(model, (s, a, next) -> -(next[0] + next[1]), null,
                PolicyScaling.identity(2, 1));

        SimulatedEnvironment.StepOutcome first = env.step(null, new double[] {0.25, 0.5}, new double[] {0.5});
        assertThat(first.nextState()).containsExactly(0.75, 0.0);
        assertThat(first.reward()).isEqualTo(-0.75);
        assertThat(first.terminal()).isFalse();
        assertThat(first.cost()).isZero();
        assertThat(model.histories.get(0)).hasDimensions(1, 2);

        // 1.2 + 0.9 = 2.1 is beyond the limit: clipped to 1.5, and the reward sees the clipped state
        SimulatedEnvironment.StepOutcome second = env.step(new double[] {0.2, 0.4}, new double[] {1.2, -1.4},
                new double[] {0.9});
        double limit = EnsembleEnvironment.STATE_LIMIT;
        assertThat(second.nextState()).containsExactly(limit, -limit);
        assertThat(second.reward()).isZero();
        assertThat(model.histories.get(1)[0]).containsExactly(0.2, 0.4);
        assertThat(model.histories.get(1)[1]).containsExactly(1.2, -1.4);
    }

    @Test
    void refusesAMissingPart() {
        assertThatThrownBy(() -> new EnsembleEnvironment(new AddAction(), null, null, PolicyScaling.identity(2, 1)))
                .hasMessageContaining("reward function");
    }
}
