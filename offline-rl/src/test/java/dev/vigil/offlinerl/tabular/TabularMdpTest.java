package dev.vigil.offlinerl.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import org.junit.jupiter.api.Test;

class TabularMdpTest {

    /** Two live states and an absorbing one; action 1 in state 1 ends the episode with reward 10. */
    static TabularMdp twoStates(Objective objective) {
        double[][][] p = {
            {{0.5, 0.5, 0}, {0, 1, 0}},
            {{1, 0, 0}, {0, 0.2, 0.8}},
            {{0, 0, 1}, {0, 0, 1}},
        };
        double[][] r = {{1, 0}, {0, 10}, {0, 0}};
        return TabularMdp.fromDense(p, r, new double[] {1, 0, 0}, new boolean[] {false, false, true}, objective);
    }

    @Test
    void rejectsARowThatDoesNotSumToOneNamingStateAndAction() {
        double[][][] p = {{{0.5, 0.4}}, {{0, 1}}};
        assertThatThrownBy(() -> TabularMdp.fromDense(p, new double[][] {{0}, {0}}, new double[] {1, 0},
                new boolean[] {false, true}, Objective.discounted(0.9)))
                .hasMessageStartingWith("State 0, action 0: Transition probabilities sum to 0.9");
    }

    @Test
    void rejectsANegativeProbabilityNamingTheEntry() {
        double[][][] p = {{{1.5, -0.5}}, {{0, 1}}};
        assertThatThrownBy(() -> TabularMdp.fromDense(p, new double[][] {{0}, {0}}, new double[] {1, 0},
                new boolean[] {false, true}, Objective.discounted(0.9)))
                .hasMessage("P[0][0][1] = -0.5; probabilities must be non-negative");
    }

    @Test
    void rejectsAnInitialDistributionOnAnAbsorbingState() {
        assertThatThrownBy(() -> TabularMdp.fromDense(new double[][][] {{{1, 0}}, {{0, 1}}}, new double[][] {{0}, {0}},
                new double[] {0.5, 0.5}, new boolean[] {false, true}, Objective.discounted(0.9)))
                .hasMessage("The initial distribution puts 0.5 on absorbing state 1; episodes must start in a "
                        + "non-absorbing state");
    }

    @Test
    void rejectsAnUndiscountedInfiniteObjective() {
        assertThatThrownBy(() -> Objective.discounted(1.0)).hasMessageContaining("needs a discount below 1");
    }

    @Test
    void policyRowsMustSumToOne() {
        assertThatThrownBy(() -> new TabularPolicy(new double[][] {{0.5, 0.5}, {0.7, 0.2}}))
                .hasMessageContaining("The action probabilities of state 1 sum to 0.8999");
    }

    @Test
    void softenMixesWithUniform() {
        TabularPolicy soft = TabularPolicy.deterministic(new int[] {1, 0}, 4).soften(0.2);

        assertThat(soft.probability(0, 1)).isCloseTo(0.8 + 0.05, within(1e-15));
        assertThat(soft.probability(0, 0)).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void finiteHorizonEvaluationMatchesHandComputation() {
        TabularMdp mdp = twoStates(Objective.finiteHorizon(2, 1.0));
        TabularPolicy policy = new TabularPolicy(new double[][] {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}});

        PolicyValue value = PolicyEvaluation.evaluate(mdp, policy);

        // One step left: V1(0) = 0.5 * 1 + 0.5 * 0 = 0.5; V1(1) = 0.5 * 0 + 0.5 * 10 = 5.
        // Two steps left: Q(0,0) = 1 + 0.5 V1(0) + 0.5 V1(1) = 3.75; Q(0,1) = V1(1) = 5; V2(0) = 4.375.
        assertThat(value.actionValue(1, 1, 1)).isCloseTo(10, within(1e-12));
        assertThat(value.actionValue(0, 0, 0)).isCloseTo(3.75, within(1e-12));
        assertThat(value.value(0)).isCloseTo(4.375, within(1e-12));
        assertThat(value.expectedReturn()).isCloseTo(4.375, within(1e-12));
    }

    @Test
    void discountedEvaluationAgreesWithValueIterationForTheOptimalPolicy() {
        TabularMdp mdp = twoStates(Objective.discounted(0.9));

        OptimalSolution optimal = new ValueIteration(ValueIterationConfig.defaults()).solve(mdp);
        PolicyValue exact = PolicyEvaluation.evaluate(mdp, optimal.policy(2));

        // Optimal: state 1 takes action 1: V1 = 10 + 0.9 * 0.2 V1 -> V1 = 10 / 0.82; state 0 takes action 1 (0.9 V1).
        double v1 = 10 / 0.82;
        assertThat(optimal.action(0, 1)).isEqualTo(1);
        assertThat(exact.value(1)).isCloseTo(v1, within(1e-10));
        assertThat(exact.value(0)).isCloseTo(optimal.initialValues()[0], within(1e-7));
        assertThat(exact.value(2)).isZero();
    }

    @Test
    void finiteHorizonValueIterationIsNonStationary() {
        TabularMdp mdp = twoStates(Objective.finiteHorizon(2, 1.0));

        OptimalSolution optimal = new ValueIteration(ValueIterationConfig.defaults()).solve(mdp);

        // Last step in state 0: take the reward 1 now (action 0); first step: move to state 1 for its 10 (action 1).
        assertThat(optimal.action(1, 0)).isZero();
        assertThat(optimal.action(0, 0)).isEqualTo(1);
        assertThat(optimal.expectedReturn()).isCloseTo(10, within(1e-12));
    }

    @Test
    void simulationIsReproducibleAndEndsInAbsorbingStates() {
        TabularMdp mdp = twoStates(Objective.finiteHorizon(5, 1.0));
        TabularPolicy policy = TabularPolicy.uniform(3, 2);
        SimulationConfig config = new SimulationConfig("two-states", 200, 5, 42);

        SimulatedTrajectories first = TrajectorySimulator.simulate(mdp, policy, config);
        SimulatedTrajectories second = TrajectorySimulator.simulate(mdp, policy, config);

        assertThat(first.dataset().contentHash()).isEqualTo(second.dataset().contentHash());
        assertThat(first.dataset().schema().stateType().size()).isEqualTo(3);
        for (Episode e : first.dataset().episodes()) {
            int[] states = ((DiscreteStates) e.states()).ids();
            assertThat(states).doesNotContain(2);
            int last = e.steps() - 1;
            if (first.truncatedEpisodeIds().contains(e.id())) {
                assertThat(e.steps()).isEqualTo(5);
            } else {
                // The only way into the absorbing state is action 1 in state 1.
                assertThat(states[last]).isEqualTo(1);
                assertThat(((dev.vigil.ingestion.dataset.DiscreteActions) e.actions()).id(last)).isEqualTo(1);
            }
        }
    }

    @Test
    void simulatedReturnsAverageToTheExactValue() {
        TabularMdp mdp = twoStates(Objective.finiteHorizon(4, 1.0));
        TabularPolicy policy = new TabularPolicy(new double[][] {{0.7, 0.3}, {0.6, 0.4}, {0.5, 0.5}});
        double exact = PolicyEvaluation.evaluate(mdp, policy).expectedReturn();

        SimulatedTrajectories data = TrajectorySimulator.simulate(mdp, policy,
                new SimulationConfig("mc", 40_000, 4, 7));

        double sum = 0;
        double squares = 0;
        for (Episode e : data.dataset().episodes()) {
            double g = 0;
            for (int t = 0; t < e.steps(); t++) {
                g += e.reward(t);
            }
            sum += g;
            squares += g * g;
        }
        int n = data.dataset().episodes().size();
        double mean = sum / n;
        double se = Math.sqrt((squares / n - mean * mean) / n);
        assertThat(mean).isCloseTo(exact, within(4 * se));
    }
}
