package dev.vigil.offlinerl.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.offlinerl.tabular.Objective;
import dev.vigil.offlinerl.tabular.PolicyEvaluation;
import dev.vigil.offlinerl.tabular.PolicyValue;
import dev.vigil.offlinerl.tabular.SimulatedTrajectories;
import dev.vigil.offlinerl.tabular.SimulationConfig;
import dev.vigil.offlinerl.tabular.TabularMdp;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import dev.vigil.offlinerl.tabular.TrajectorySimulator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The estimators against the exact value of a small random tabular MDP. */
class ExactValueIdentitiesTest {

    private static final int HORIZON = 5;
    private static final int EPISODES = 20_000;
    private static final TabularPolicy BEHAVIOUR = new TabularPolicy(new double[][] {
        {0.5, 0.5}, {0.7, 0.3}, {0.4, 0.6}, {0.5, 0.5}, {0.5, 0.5}});
    private static final TabularPolicy EVALUATION = new TabularPolicy(new double[][] {
        {0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}, {0.1, 0.9}, {0.5, 0.5}});

    /** Four live states, absorbing state 4, two actions; random (seeded) transitions and rewards. */
    private static TabularMdp randomMdp(boolean deterministic) {
        SplittableRandom rng = new SplittableRandom(2019);
        double[][][] p = new double[5][2][5];
        double[][] r = new double[5][2];
        for (int s = 0; s < 4; s++) {
            for (int a = 0; a < 2; a++) {
                if (deterministic) {
                    p[s][a][rng.nextInt(5)] = 1;
                } else {
                    double sum = 0;
                    for (int n = 0; n < 5; n++) {
                        p[s][a][n] = rng.nextDouble();
                        sum += p[s][a][n];
                    }
                    for (int n = 0; n < 5; n++) {
                        p[s][a][n] /= sum;
                    }
                }
                r[s][a] = rng.nextDouble() * 2 - 0.5;
            }
        }
        p[4][0][4] = 1;
        p[4][1][4] = 1;
        return TabularMdp.fromDense(p, r, new double[] {0.4, 0.3, 0.2, 0.1, 0}, new boolean[] {false, false, false,
            false, true}, Objective.finiteHorizon(HORIZON, 1.0));
    }

    private static OpeDataset logged(TabularMdp mdp, TabularPolicy behaviour, long seed) {
        SimulatedTrajectories sim = TrajectorySimulator.simulate(mdp, behaviour,
                new SimulationConfig("random-mdp", EPISODES, HORIZON, seed));
        return OpeDatasets.from(sim.dataset(), behaviour, EVALUATION, sim.truncatedEpisodeIds());
    }

    @Test
    void importanceSamplingIsUnbiasedForTheExactValue() {
        TabularMdp mdp = randomMdp(false);
        double exact = PolicyEvaluation.evaluate(mdp, EVALUATION).expectedReturn();
        OpeDataset data = logged(mdp, BEHAVIOUR, 1);

        OpeResult is = new ImportanceSampling(1).estimate(data);
        OpeResult pdis = new PerDecisionImportanceSampling(1).estimate(data);

        assertThat(is.estimate()).isCloseTo(exact, within(4 * is.standardError()));
        assertThat(pdis.estimate()).isCloseTo(exact, within(4 * pdis.standardError()));
        assertThat(pdis.standardError()).isLessThan(is.standardError());
    }

    @Test
    void weightedImportanceSamplingOfTheBehaviourPolicyIsTheAverageReturn() {
        TabularMdp mdp = randomMdp(false);
        SimulatedTrajectories sim = TrajectorySimulator.simulate(mdp, BEHAVIOUR,
                new SimulationConfig("own", 500, HORIZON, 3));
        OpeDataset data = OpeDatasets.from(sim.dataset(), BEHAVIOUR, BEHAVIOUR, sim.truncatedEpisodeIds());
        double average = 0;
        for (Episode e : sim.dataset().episodes()) {
            for (int t = 0; t < e.steps(); t++) {
                average += e.reward(t);
            }
        }
        average /= sim.dataset().episodes().size();

        assertThat(new WeightedImportanceSampling(1).estimate(data).estimate()).isCloseTo(average, within(1e-12));
        assertThat(new WeightedPerDecisionImportanceSampling(1).estimate(data).estimate()).isCloseTo(average,
                within(1e-12));
        assertThat(new ImportanceSampling(1).estimate(data).effectiveSampleSize()).isCloseTo(500, within(1e-9));
    }

    @Test
    void fittedQEvaluationWithEnoughDataIsCloseToTheExactValue() {
        TabularMdp mdp = randomMdp(false);
        double exact = PolicyEvaluation.evaluate(mdp, EVALUATION).expectedReturn();
        OpeDataset data = logged(mdp, BEHAVIOUR, 4);

        FittedQEvaluation fqe = FittedQEvaluation.finiteHorizon(HORIZON, 1);
        OpeResult result = fqe.estimate(data);

        assertThat(fqe.fit(data).unsupportedPairs()).isZero();
        assertThat(result.estimate()).isCloseTo(exact, within(0.03));
        assertThat(result.effectiveSampleSize()).isNaN();
    }

    @Test
    void doublyRobustWithTheExactQIsUnbiasedAndTighterThanPerDecisionSampling() {
        TabularMdp mdp = randomMdp(false);
        PolicyValue truth = PolicyEvaluation.evaluate(mdp, EVALUATION);
        OpeDataset data = logged(mdp, BEHAVIOUR, 5);
        StepActionValues exactQ = TabularQFunction.of(truth).at(data);

        OpeResult dr = new DoublyRobust(1, exactQ).estimate(data);
        OpeResult wdr = new WeightedDoublyRobust(1, exactQ).estimate(data);
        OpeResult pdis = new PerDecisionImportanceSampling(1).estimate(data);

        assertThat(dr.estimate()).isCloseTo(truth.expectedReturn(), within(4 * dr.standardError()));
        assertThat(wdr.estimate()).isCloseTo(truth.expectedReturn(), within(4 * dr.standardError()));
        assertThat(dr.standardError()).isLessThan(pdis.standardError() / 2);
    }

    @Test
    void doublyRobustWithTheExactQOfADeterministicMdpIsExactForEveryEpisode() {
        TabularMdp mdp = randomMdp(true);
        PolicyValue truth = PolicyEvaluation.evaluate(mdp, EVALUATION);
        OpeDataset data = logged(mdp, BEHAVIOUR, 6);

        OpeResult dr = new DoublyRobust(1, TabularQFunction.of(truth).at(data)).estimate(data);

        // Telescoping: sum_t gamma^t w_t (r_t + V(s_{t+1}) - Q(s_t, a_t)) vanishes when transitions are certain, so
        // each episode contributes V(s_0) of its own start.
        for (int i = 0; i < data.size(); i++) {
            assertThat(dr.contributions()[i]).isCloseTo(truth.value(data.episodes().get(i).state(0)), within(1e-12));
        }
    }
}
