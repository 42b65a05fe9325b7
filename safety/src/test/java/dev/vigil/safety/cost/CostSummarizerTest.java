package dev.vigil.safety.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dataset of 2 episodes of 3 steps under sepsis-bedside, with a budget of 0.5. Columns: spo2, map, lactate,
 * urine_output_cum, weight | iv_fluid, vasopressor.
 *
 * <pre>
 * A t0: 90, 70, 5, 100, 100 | 0, 0       spo2 V; urine 100/100 = 1 V; lactate N (first step)     cost 2
 * A t1: 95, 60, 6, 300, 100 | 2500, 0.6  map V; lactate 5 -> 6 above 4 V; vaso V; fluid V        cost 4
 *                                        (urine 3 mL/kg S)
 * A t2: NaN, 70, 6, 400, NaN | 0, 0      spo2 N; urine N (no weight); lactate 6 -> 6 not rising S cost 0
 * B t0: 97, 75, 1, 500, 50 | 1000, 0     all S; lactate N (first step)                           cost 0
 * B t1: 92, 65, 2, 600, 50 | 2000, 0.5   all exactly at the thresholds: S (strict); lactate     cost 0
 *                                        rising but 2 is not above 4: S
 * B t2: 93, 70, 1.5, 700, 50 | 0, 0.1    all S                                                   cost 0
 *
 * Episode costs: A = 6, B = 0. Mean = 3; normalised by 0.5 = 6.0. Within budget: B only = 0.5.
 * Failure rate: A violates, B does not = 1/2 = 0.5. Violating steps: A 2, B 0; mean 1.0.
 * Per rule (6 steps):        violated  not evaluable  evaluable  rate        expected cost / episode
 *   spo2-low                 1         1 (A t2)       5          1/5 = 0.2   1/2 = 0.5
 *   urine-output-low         1         1 (A t2)       5          0.2         0.5
 *   map-low                  1         0              6          1/6         0.5
 *   lactate-high-rising      1         2 (A t0, B t0) 4          1/4 = 0.25  0.5
 *   vasopressor-high         1         0              6          1/6         0.5
 *   iv-fluid-high            1         0              6          1/6         0.5
 * </pre>
 */
class CostSummarizerTest {

    private static final double NAN = Double.NaN;

    private static TrajectoryDataset dataset() {
        Episode a = new Episode("A", states(new double[][] {
            {90, 70, 5, 100, 100}, {95, 60, 6, 300, 100}, {NAN, 70, 6, 400, NAN}}),
                new ContinuousActions(new double[][] {{0, 0}, {2500, 0.6}, {0, 0}}), null, null, null, null, null);
        Episode b = new Episode("B", states(new double[][] {
            {97, 75, 1, 500, 50}, {92, 65, 2, 600, 50}, {93, 70, 1.5, 700, 50}}),
                new ContinuousActions(new double[][] {{1000, 0}, {2000, 0.5}, {0, 0.1}}), null, null, null, null, null);
        return new TrajectoryDataset(CostFixtures.sepsisSchema(), List.of(a, b));
    }

    private static ContinuousStates states(double[][] values) {
        boolean[][] missing = new boolean[values.length][values[0].length];
        for (int t = 0; t < values.length; t++) {
            for (int f = 0; f < values[t].length; f++) {
                missing[t][f] = Double.isNaN(values[t][f]);
            }
        }
        return new ContinuousStates(values, missing);
    }

    private static CostSummary summary() {
        TrajectoryDataset dataset = dataset();
        return CostSummarizer.summarise(CostModel.compile(RuleSets.sepsisBedside(), dataset.schema()), dataset,
                CostBudget.ogsrl());
    }

    @Test
    void datasetTotalsMatchHandComputation() {
        CostSummary summary = summary();

        assertThat(summary.episodes()).isEqualTo(2);
        assertThat(summary.steps()).isEqualTo(6);
        assertThat(summary.meanEpisodeCost()).isEqualTo(3.0);
        assertThat(summary.normalisedMeanCost()).isEqualTo(6.0);
        assertThat(summary.withinBudgetRate()).isEqualTo(0.5);
        assertThat(summary.failureRate()).isEqualTo(0.5);
        assertThat(summary.meanViolatingStepsPerEpisode()).isEqualTo(1.0);
        assertThat(summary.budget()).isEqualTo(new CostBudget(0.5));
        assertThat(summary.uncheckedUnits()).isEmpty();
    }

    @Test
    void perRuleNumbersMatchHandComputation() {
        CostSummary summary = summary();

        assertRule(summary.rule("sepsis.spo2-low"), 1, 1, 5, 0.2);
        assertRule(summary.rule("sepsis.urine-output-low"), 1, 1, 5, 0.2);
        assertRule(summary.rule("sepsis.map-low"), 1, 0, 6, 1.0 / 6);
        assertRule(summary.rule("sepsis.lactate-high-rising"), 1, 2, 4, 0.25);
        assertRule(summary.rule("sepsis.vasopressor-high"), 1, 0, 6, 1.0 / 6);
        assertRule(summary.rule("sepsis.iv-fluid-high"), 1, 0, 6, 1.0 / 6);
        assertThat(summary.rules()).allSatisfy(rule -> {
            assertThat(rule.expectedCostPerEpisode()).isEqualTo(0.5);
            assertThat(rule.violatingEpisodes()).isEqualTo(1);
        });
        assertThat(summary.rule("sepsis.lactate-high-rising").notEvaluableRate()).isCloseTo(2.0 / 6, within(1e-12));
    }

    private static void assertRule(RuleSummary rule, long violated, long notEvaluable, long evaluable, double rate) {
        assertThat(rule.violatedSteps()).as(rule.ruleId()).isEqualTo(violated);
        assertThat(rule.notEvaluableSteps()).as(rule.ruleId()).isEqualTo(notEvaluable);
        assertThat(rule.evaluableSteps()).as(rule.ruleId()).isEqualTo(evaluable);
        assertThat(rule.violationRate()).as(rule.ruleId()).isCloseTo(rate, within(1e-12));
    }

    @Test
    void summaryNamesRuleSetAndDataset() {
        CostSummary summary = summary();

        assertThat(summary.ruleSet()).isEqualTo(RuleSets.sepsisBedside().ref());
        assertThat(summary.datasetSha256()).isEqualTo(dataset().contentHash());
    }

    @Test
    void neverEvaluableRuleHasUnknownRateNotZero() {
        Episode only = new Episode("C", states(new double[][] {{NAN, 70, 1, 500, 50}}),
                new ContinuousActions(new double[][] {{0, 0}}), null, null, null, null, null);
        TrajectoryDataset dataset = new TrajectoryDataset(CostFixtures.sepsisSchema(), List.of(only));

        CostSummary summary = CostSummarizer.summarise(CostFixtures.sepsisModel(), dataset, new CostBudget(1));

        assertThat(summary.rule("sepsis.spo2-low").violationRate()).isNaN();
        assertThat(summary.rule("sepsis.spo2-low").notEvaluableRate()).isEqualTo(1.0);
        assertThat(summary.failureRate()).isZero();
    }

    @Test
    void rejectsDatasetOfAnotherSchemaAndEmptyDataset() {
        DatasetSchema other = new DatasetSchema("other", SpaceType.continuous(), List.of(new Variable("spo2", "%")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL")), false, false, "", "", null);
        TrajectoryDataset otherData = new TrajectoryDataset(other, List.of());
        TrajectoryDataset empty = new TrajectoryDataset(CostFixtures.sepsisSchema(), List.of());
        CostModel model = CostFixtures.sepsisModel();

        assertThatThrownBy(() -> CostSummarizer.summarise(model, empty, CostBudget.ogsrl()))
                .hasMessage("Dataset 'sepsis-fixture' has no episodes; there is nothing to summarise");
        Episode one = new Episode("x", states(new double[][] {{97}}), new ContinuousActions(new double[][] {{0}}),
                null, null, null, null, null);
        TrajectoryDataset small = new TrajectoryDataset(other, List.of(one));
        assertThatThrownBy(() -> CostSummarizer.summarise(model, small, CostBudget.ogsrl()))
                .hasMessageStartingWith("Dataset 'other' does not have the features and actions of schema "
                        + "'sepsis-fixture'");
        assertThat(otherData.episodes()).isEmpty();
    }
}
