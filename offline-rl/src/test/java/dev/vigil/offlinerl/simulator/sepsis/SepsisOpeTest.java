package dev.vigil.offlinerl.simulator.sepsis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.ope.BehaviourEstimate;
import dev.vigil.offlinerl.ope.BehaviourPolicyEstimator;
import dev.vigil.offlinerl.ope.Bootstrap;
import dev.vigil.offlinerl.ope.BootstrapConfig;
import dev.vigil.offlinerl.ope.BootstrapInterval;
import dev.vigil.offlinerl.ope.DoublyRobust;
import dev.vigil.offlinerl.ope.FittedQEvaluation;
import dev.vigil.offlinerl.ope.ImportanceSampling;
import dev.vigil.offlinerl.ope.OpeDataset;
import dev.vigil.offlinerl.ope.OpeDatasets;
import dev.vigil.offlinerl.ope.OpeEstimator;
import dev.vigil.offlinerl.ope.OpeResult;
import dev.vigil.offlinerl.ope.PerDecisionImportanceSampling;
import dev.vigil.offlinerl.ope.StepActionValues;
import dev.vigil.offlinerl.ope.WeightedDoublyRobust;
import dev.vigil.offlinerl.ope.WeightedImportanceSampling;
import dev.vigil.offlinerl.ope.WeightedPerDecisionImportanceSampling;
import dev.vigil.offlinerl.tabular.OptimalSolution;
import dev.vigil.offlinerl.tabular.PolicyEvaluation;
import dev.vigil.offlinerl.tabular.SimulatedTrajectories;
import dev.vigil.offlinerl.tabular.SimulationConfig;
import dev.vigil.offlinerl.tabular.TabularMdp;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import dev.vigil.offlinerl.tabular.TrajectorySimulator;
import dev.vigil.offlinerl.tabular.ValueIteration;
import dev.vigil.offlinerl.tabular.ValueIterationConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published setting, smaller: behaviour = the full MDP's optimal policy softened with epsilon 0.05, data
 * with diabetes hidden, OPE of a policy on observed states next to its exact value. Optimism is expected
 * (docs/ope.md) but not asserted: what is asserted is that the exact value is right and the estimates finite.
 */
class SepsisOpeTest {

    private static TabularMdp planning;
    private static TabularMdp reporting;
    private static TabularPolicy optimal;

    @BeforeAll
    static void solve() {
        planning = SepsisMdp.build(SepsisMdp.planningObjective());
        reporting = planning.withObjective(SepsisMdp.reportingObjective());
        OptimalSolution solution = new ValueIteration(ValueIterationConfig.defaults()).solve(planning);
        optimal = solution.policy(SepsisAction.COUNT);
    }

    @Test
    void exactValueMatchesTheSamplerAndTheOptimumIsBest() {
        TabularPolicy evaluation = SepsisObservation.lift(SepsisObservation.restrict(optimal, false));
        double exact = PolicyEvaluation.evaluate(reporting, evaluation).expectedReturn();
        double optimum = PolicyEvaluation.evaluate(reporting, optimal).expectedReturn();
        double random = PolicyEvaluation.evaluate(reporting, TabularPolicy.uniform(SepsisMdp.STATE_COUNT, 8))
                .expectedReturn();

        // Monte Carlo with the sampler, an independent path from the enumerated MDP.
        SepsisSimulator simulator = new SepsisSimulator();
        SplittableRandom rng = new SplittableRandom(2019);
        int n = 30_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            SepsisState s = simulator.reset(rng);
            double g = 0;
            for (int t = 0; t < SepsisSimulator.HORIZON; t++) {
                int action = argmax(evaluation.row(s.fullIndex()));
                SepsisTransition step = simulator.step(s, SepsisAction.fromIndex(action), rng);
                g += step.reward();
                if (step.terminal()) {
                    break;
                }
                s = step.next();
            }
            sum += g;
            squares += g * g;
        }
        double mean = sum / n;
        double se = Math.sqrt((squares / n - mean * mean) / n);

        assertThat(mean).isCloseTo(exact, within(4 * se));
        assertThat(optimum).isGreaterThanOrEqualTo(exact - 1e-9);
        assertThat(optimum).isGreaterThan(random);
        assertThat(optimum).isBetween(-1.0, 1.0);
    }

    @Test
    void estimatesOnDataWithDiabetesHiddenAreFinite() {
        TabularPolicy behaviour = optimal.soften(0.05);
        SimulatedTrajectories sim = TrajectorySimulator.simulate(reporting, behaviour,
                new SimulationConfig("sepsis-os", 2_000, SepsisSimulator.HORIZON, 7));
        TrajectoryDataset observed = SepsisObservation.hideDiabetes(sim.dataset());
        BehaviourEstimate estimated = new BehaviourPolicyEstimator(0.01).estimate(observed);
        TabularPolicy evaluation = SepsisObservation.restrict(optimal, false);
        OpeDataset data = OpeDatasets.from(observed, estimated.policy(), evaluation, sim.truncatedEpisodeIds());
        double truth = PolicyEvaluation.evaluate(reporting, SepsisObservation.lift(evaluation)).expectedReturn();

        FittedQEvaluation fqe = FittedQEvaluation.finiteHorizon(SepsisSimulator.HORIZON, 1);
        StepActionValues q = fqe.fit(data).q().at(data);
        List<OpeEstimator> estimators = List.of(new ImportanceSampling(1), new PerDecisionImportanceSampling(1),
                new WeightedImportanceSampling(1), new WeightedPerDecisionImportanceSampling(1), fqe,
                new DoublyRobust(1, q), new WeightedDoublyRobust(1, q));

        assertThat(observed.schema().stateType().size()).isEqualTo(720);
        assertThat(estimated.flooredCount()).isPositive();
        assertThat(truth).isBetween(-1.0, 1.0);
        StringBuilder report = new StringBuilder("O&S, 2000 episodes, true value " + truth + "\n");
        for (OpeEstimator estimator : estimators) {
            OpeResult result = estimator.estimate(data);
            assertThat(result.estimate()).as(result.estimator()).isFinite();
            report.append(result.estimator()).append(' ').append(result.estimate()).append(" ESS ")
                    .append(result.effectiveSampleSize()).append('\n');
        }
        OpeResult wis = new WeightedImportanceSampling(1).estimate(data);
        BootstrapInterval interval = new Bootstrap(new BootstrapConfig(200, 0.95, 1)).interval(wis);
        assertThat(wis.effectiveSampleSize()).isPositive();
        assertThat(interval.lower()).isFinite();
        assertThat(interval.upper()).isFinite();
        report.append("WIS 95% [").append(interval.lower()).append(", ").append(interval.upper()).append("] lower bound ")
                .append(interval.lowerBound()).append(", floored pairs ").append(estimated.flooredCount());
        System.out.println(report);
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int a = 1; a < row.length; a++) {
            if (row[a] > row[best]) {
                best = a;
            }
        }
        return best;
    }
}
