package dev.vigil.offlinerl.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.RuleSets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostRuleSetsTest {

    private static DatasetSchema sepsisLike() {
        return new DatasetSchema("tiny-sepsis", SpaceType.continuous(),
                List.of(new Variable("spo2", "%"), new Variable("map", "mm[Hg]"), new Variable("lactate", "mmol/L"),
                        new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"), new Variable("vasopressor", "ug/kg/min")),
                false, false, "icu-sepsis", "1", Duration.ofHours(4));
    }

    @Test
    void ogsrlSepsisCountsOnlyTheTwoRules() {
        RuleSet ogsrl = CostRuleSets.resolve(CostRuleSets.OGSRL_SEPSIS);
        assertThat(ogsrl.id()).isEqualTo("ogsrl-sepsis");
        assertThat(ogsrl.ruleIds()).containsExactly("sepsis.spo2-low", "sepsis.urine-output-low");
        assertThat(ogsrl.units()).containsOnlyKeys("spo2", "urine_output_cum", "weight");

        CostModel two = CostModel.compile(ogsrl, sepsisLike());
        CostModel all = CostModel.compile(RuleSets.sepsisBedside(), sepsisLike());
        // SpO2 90 < 92 (1), urine 100 / 70 kg = 1.4 < 2 mL/kg (1), MAP 60 < 65 (bedside only), vasopressor 0.6 and
        // fluid 2500 above their ceilings (bedside only).
        double[] state = {90, 60, 2, 100, 70};
        double[] action = {2500, 0.6};
        assertThat(two.totalCost(null, state, action)).isEqualTo(2.0);
        assertThat(all.totalCost(null, state, action)).isEqualTo(5.0);
        // Neither of OGSRL's rules: SpO2 95, urine 500 / 70 = 7.1 mL/kg.
        assertThat(two.totalCost(null, new double[] {95, 60, 2, 500, 70}, action)).isEqualTo(0.0);
    }

    @Test
    void resolvesShippedSetsSubsetsAndNone() {
        assertThat(CostRuleSets.resolve("none")).isNull();
        assertThat(CostRuleSets.resolve("sepsis-bedside")).isEqualTo(RuleSets.sepsisBedside());
        RuleSet map = CostRuleSets.resolve("sepsis-bedside:sepsis.map-low");
        assertThat(map.id()).isEqualTo("sepsis-bedside.subset");
        assertThat(map.ruleIds()).containsExactly("sepsis.map-low");
        assertThat(map.contentHash()).isNotEqualTo(RuleSets.sepsisBedside().contentHash());
    }

    @Test
    void unknownSetsAndRulesAreRefusedByName() {
        assertThatThrownBy(() -> CostRuleSets.resolve("sepsis-bedsde")).hasMessageContaining("'sepsis-bedsde'");
        assertThatThrownBy(() -> CostRuleSets.resolve("sepsis-bedside:sepsis.spo2-low,sepsis.nope"))
                .hasMessageContaining("'sepsis.nope'").hasMessageContaining("sepsis.spo2-low");
        assertThatThrownBy(() -> CostRuleSets.resolve(" ")).hasMessageContaining("costRuleSet");
    }
}
