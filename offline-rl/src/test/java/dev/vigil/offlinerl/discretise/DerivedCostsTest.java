package dev.vigil.offlinerl.discretise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.safety.cost.RuleSets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivedCostsTest {

    /** The features and actions sepsis-bedside reads, in its units, as an icu-sepsis dataset has them. */
    static DatasetSchema sepsisLike(boolean hasCosts) {
        return new DatasetSchema("tiny-sepsis", SpaceType.continuous(),
                List.of(new Variable("spo2", "%"), new Variable("map", "mm[Hg]"), new Variable("lactate", "mmol/L"),
                        new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"), new Variable("vasopressor", "ug/kg/min")),
                false, hasCosts, "icu-sepsis", "1", Duration.ofHours(4));
    }

    static Episode episode(double[][] states, double[][] actions, double[] costs) {
        return new Episode("p1", new ContinuousStates(states, new boolean[states.length][states[0].length]),
                new ContinuousActions(actions), null, costs, null, null, List.of());
    }

    @Test
    void computesPerStepCostsWithTheRuleSetWhenTheDataHasNone() {
        // Step 0 violates nothing (urine 500 / 70 kg = 7.1 mL/kg). Step 1: SpO2 90 < 92 and MAP 60 < 65.
        // Step 2: lactate 5 > 4 and rising, vasopressor 0.6 > 0.5, fluid 2500 > 2000.
        double[][] states = {{97, 70, 2, 500, 70}, {90, 60, 3, 900, 70}, {95, 70, 5, 1200, 70}};
        double[][] actions = {{500, 0}, {1000, 0.1}, {2500, 0.6}};
        TrajectoryDataset data = new TrajectoryDataset(sepsisLike(false), List.of(episode(states, actions, null)));

        DerivedCosts costs = DerivedCosts.of(data, "sepsis-bedside");

        assertThat(costs.source()).isEqualTo(CostSource.RULE_SET);
        assertThat(costs.ruleSet()).isEqualTo(RuleSets.sepsisBedside().ref());
        assertThat(costs.ruleSetVersion()).isEqualTo("sepsis-bedside@" + RuleSets.sepsisBedside().version());
        assertThat(costs.costs().get(0)).containsExactly(0, 2, 3);
    }

    @Test
    void ogsrlSepsisCountsOnlyOgsrlsTwoRules() {
        // Step 1's SpO2 90 < 92 is one of OGSRL's rules; its MAP 60 and step 2's lactate, vasopressor and fluid are
        // sepsis-bedside's other rules. Urine stays above 2 mL/kg (500 / 70 = 7.1 at step 0).
        double[][] states = {{97, 70, 2, 500, 70}, {90, 60, 3, 900, 70}, {95, 70, 5, 1200, 70}};
        double[][] actions = {{500, 0}, {1000, 0.1}, {2500, 0.6}};
        TrajectoryDataset data = new TrajectoryDataset(sepsisLike(false), List.of(episode(states, actions, null)));

        DerivedCosts costs = DerivedCosts.of(data, "ogsrl-sepsis");

        assertThat(costs.source()).isEqualTo(CostSource.RULE_SET);
        assertThat(costs.ruleSetVersion()).isEqualTo("ogsrl-sepsis@" + RuleSets.sepsisBedside().version());
        assertThat(costs.costs().get(0)).containsExactly(0, 1, 0);
    }

    @Test
    void prefersTheDataOwnCosts() {
        double[][] states = {{90, 60, 2, 500, 70}};
        TrajectoryDataset data = new TrajectoryDataset(sepsisLike(true),
                List.of(episode(states, new double[][] {{0, 0}}, new double[] {0.25})));

        DerivedCosts costs = DerivedCosts.of(data, "sepsis-bedside");

        assertThat(costs.source()).isEqualTo(CostSource.DATA);
        assertThat(costs.costs().get(0)).containsExactly(0.25);
    }

    @Test
    void noCostsWhenTheSchemaDoesNotFitTheRuleSetOrDerivationIsOff() {
        DatasetSchema other = new DatasetSchema("vitals", SpaceType.continuous(), List.of(new Variable("hr", "/min")),
                SpaceType.continuous(), List.of(new Variable("dose", "mL")), false, false, "", "", Duration.ZERO);
        Episode e = new Episode("p1", new ContinuousStates(new double[][] {{80}}, new boolean[][] {{false}}),
                new ContinuousActions(new double[][] {{1}}), null, null, null, null, List.of());
        TrajectoryDataset data = new TrajectoryDataset(other, List.of(e));

        DerivedCosts none = DerivedCosts.of(data, "sepsis-bedside");
        assertThat(none.source()).isEqualTo(CostSource.NONE);
        assertThat(none.reason()).isNotBlank();
        assertThat(none.ruleSetVersion()).isEqualTo("none");

        TrajectoryDataset sepsis = new TrajectoryDataset(sepsisLike(false), List.of(episode(
                new double[][] {{90, 60, 2, 500, 70}}, new double[][] {{0, 0}}, null)));
        assertThat(DerivedCosts.of(sepsis, DerivedCosts.NO_RULE_SET).source()).isEqualTo(CostSource.NONE);
    }
}
