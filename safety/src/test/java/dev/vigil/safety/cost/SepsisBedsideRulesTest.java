package dev.vigil.safety.cost;

import static dev.vigil.safety.cost.CostFixtures.IV_FLUID;
import static dev.vigil.safety.cost.CostFixtures.LACTATE;
import static dev.vigil.safety.cost.CostFixtures.MAP;
import static dev.vigil.safety.cost.CostFixtures.NAN;
import static dev.vigil.safety.cost.CostFixtures.SPO2;
import static dev.vigil.safety.cost.CostFixtures.URINE_CUM;
import static dev.vigil.safety.cost.CostFixtures.VASOPRESSOR;
import static dev.vigil.safety.cost.CostFixtures.WEIGHT;
import static dev.vigil.safety.cost.CostFixtures.safeAction;
import static dev.vigil.safety.cost.CostFixtures.safeState;
import static dev.vigil.safety.cost.CostFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each shipped rule at and around its threshold. Every sepsis-bedside rule uses a strict inequality: the
 * threshold value itself is not a violation.
 */
class SepsisBedsideRulesTest {

    private final CostModel model = CostFixtures.sepsisModel();

    private RuleStatus status(String rule, double[] previous, double[] state, double[] action) {
        return model.evaluate(previous, state, action).status(rule);
    }

    private RuleStatus stateStatus(String rule, int feature, double value) {
        return status(rule, safeState(), with(safeState(), feature, value), safeAction());
    }

    private RuleStatus actionStatus(String rule, int action, double value) {
        return status(rule, safeState(), safeState(), with(safeAction(), action, value));
    }

    @Test
    void shipsSixRulesAsVersion100() {
        RuleSet ruleSet = RuleSets.sepsisBedside();

        assertThat(ruleSet.id()).isEqualTo("sepsis-bedside");
        assertThat(ruleSet.version()).isEqualTo("1.0.0");
        assertThat(ruleSet.ruleIds()).containsExactly("sepsis.spo2-low", "sepsis.urine-output-low", "sepsis.map-low",
                "sepsis.lactate-high-rising", "sepsis.vasopressor-high", "sepsis.iv-fluid-high");
        assertThat(ruleSet.rules()).allSatisfy(rule -> {
            assertThat(rule.weight()).isEqualTo(1.0);
            assertThat(rule.rationale()).isNotBlank();
            assertThat(rule.source()).isNotBlank();
            assertThat(rule.unit()).isNotBlank();
        });
    }

    @Test
    void shippedContentHashIsPinned() {
        // If this fails you changed sepsis-bedside.yaml: bump its version, then update this hash.
        assertThat(RuleSets.sepsisBedside().ref().toString()).isEqualTo("sepsis-bedside 1.0.0 sha256:"
                + RuleSets.sepsisBedside().contentHash());
        assertThat(RuleSets.sepsisBedside().contentHash()).isEqualTo(PINNED_HASH);
    }

    static final String PINNED_HASH = "2d776ece17f54178e6657bdbae7a90905f30965acf437bb1311a340c002d2914";

    @Test
    void safeStateViolatesNothing() {
        StepCost cost = model.evaluate(safeState(), safeState(), safeAction());

        assertThat(cost.total()).isZero();
        assertThat(cost.violatedRules()).isEmpty();
        assertThat(cost.notEvaluableRules()).isEmpty();
    }

    @Test
    void spo2BelowStrictly92Violates() {
        assertThat(stateStatus("sepsis.spo2-low", SPO2, 91.9)).isEqualTo(RuleStatus.VIOLATED);
        assertThat(stateStatus("sepsis.spo2-low", SPO2, 92.0)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(stateStatus("sepsis.spo2-low", SPO2, 92.1)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(stateStatus("sepsis.spo2-low", SPO2, NAN)).isEqualTo(RuleStatus.NOT_EVALUABLE);
    }

    @Test
    void urineOutputPerKgBelowStrictly2Violates() {
        // 139 mL / 70 kg = 1.9857 mL/kg; 140 / 70 = 2.0 exactly; 141 / 70 = 2.0143.
        assertThat(stateStatus("sepsis.urine-output-low", URINE_CUM, 139)).isEqualTo(RuleStatus.VIOLATED);
        assertThat(stateStatus("sepsis.urine-output-low", URINE_CUM, 140)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(stateStatus("sepsis.urine-output-low", URINE_CUM, 141)).isEqualTo(RuleStatus.SATISFIED);
        // 150 mL / 80 kg = 1.875 mL/kg: the weight matters, not the volume alone.
        double[] heavy = with(with(safeState(), URINE_CUM, 150), WEIGHT, 80);
        assertThat(status("sepsis.urine-output-low", null, heavy, safeAction())).isEqualTo(RuleStatus.VIOLATED);
        double[] light = with(with(safeState(), URINE_CUM, 150), WEIGHT, 50);
        assertThat(status("sepsis.urine-output-low", null, light, safeAction())).isEqualTo(RuleStatus.SATISFIED);
    }

    @Test
    void urineOutputRuleNeedsAWeight() {
        assertThat(stateStatus("sepsis.urine-output-low", WEIGHT, NAN)).isEqualTo(RuleStatus.NOT_EVALUABLE);
        assertThat(stateStatus("sepsis.urine-output-low", WEIGHT, 0)).isEqualTo(RuleStatus.NOT_EVALUABLE);
        assertThat(stateStatus("sepsis.urine-output-low", URINE_CUM, NAN)).isEqualTo(RuleStatus.NOT_EVALUABLE);
        // No urine at all with a known weight is 0 mL/kg: violated, not missing.
        assertThat(stateStatus("sepsis.urine-output-low", URINE_CUM, 0)).isEqualTo(RuleStatus.VIOLATED);
    }

    @Test
    void mapBelowStrictly65Violates() {
        assertThat(stateStatus("sepsis.map-low", MAP, 64.9)).isEqualTo(RuleStatus.VIOLATED);
        assertThat(stateStatus("sepsis.map-low", MAP, 65.0)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(stateStatus("sepsis.map-low", MAP, 65.1)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(stateStatus("sepsis.map-low", MAP, NAN)).isEqualTo(RuleStatus.NOT_EVALUABLE);
    }

    @Test
    void lactateAboveStrictly4AndStrictlyRisingViolates() {
        String rule = "sepsis.lactate-high-rising";
        double[] before = with(safeState(), LACTATE, 4.5);

        assertThat(status(rule, before, with(safeState(), LACTATE, 4.6), safeAction())).isEqualTo(RuleStatus.VIOLATED);
        assertThat(status(rule, before, with(safeState(), LACTATE, 4.5), safeAction()))
                .as("unchanged is not rising").isEqualTo(RuleStatus.SATISFIED);
        assertThat(status(rule, before, with(safeState(), LACTATE, 4.4), safeAction()))
                .as("falling").isEqualTo(RuleStatus.SATISFIED);
        double[] low = with(safeState(), LACTATE, 3.0);
        assertThat(status(rule, low, with(safeState(), LACTATE, 4.0), safeAction()))
                .as("rising to exactly 4").isEqualTo(RuleStatus.SATISFIED);
        assertThat(status(rule, low, with(safeState(), LACTATE, 4.01), safeAction()))
                .as("rising past 4").isEqualTo(RuleStatus.VIOLATED);
    }

    @Test
    void risingNeedsThePreviousStep() {
        String rule = "sepsis.lactate-high-rising";

        assertThat(status(rule, null, with(safeState(), LACTATE, 9), safeAction()))
                .as("first step").isEqualTo(RuleStatus.NOT_EVALUABLE);
        assertThat(status(rule, null, with(safeState(), LACTATE, 1), safeAction()))
                .as("first step, even with a low lactate").isEqualTo(RuleStatus.NOT_EVALUABLE);
        assertThat(status(rule, with(safeState(), LACTATE, NAN), with(safeState(), LACTATE, 9), safeAction()))
                .as("previous lactate missing").isEqualTo(RuleStatus.NOT_EVALUABLE);
        assertThat(status(rule, with(safeState(), LACTATE, 5), with(safeState(), LACTATE, NAN), safeAction()))
                .as("current lactate missing").isEqualTo(RuleStatus.NOT_EVALUABLE);
    }

    @Test
    void vasopressorAboveStrictlyHalfMicrogramViolates() {
        assertThat(actionStatus("sepsis.vasopressor-high", VASOPRESSOR, 0.51)).isEqualTo(RuleStatus.VIOLATED);
        assertThat(actionStatus("sepsis.vasopressor-high", VASOPRESSOR, 0.5)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(actionStatus("sepsis.vasopressor-high", VASOPRESSOR, 0.49)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(actionStatus("sepsis.vasopressor-high", VASOPRESSOR, 0)).isEqualTo(RuleStatus.SATISFIED);
    }

    @Test
    void ivFluidAboveStrictly2000MlViolates() {
        assertThat(actionStatus("sepsis.iv-fluid-high", IV_FLUID, 2000.5)).isEqualTo(RuleStatus.VIOLATED);
        assertThat(actionStatus("sepsis.iv-fluid-high", IV_FLUID, 2000)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(actionStatus("sepsis.iv-fluid-high", IV_FLUID, 1999.5)).isEqualTo(RuleStatus.SATISFIED);
        assertThat(actionStatus("sepsis.iv-fluid-high", IV_FLUID, NAN)).isEqualTo(RuleStatus.NOT_EVALUABLE);
    }

    @Test
    void everyViolatedRuleCostsItsWeightAndAddsUp() {
        double[] previous = with(safeState(), LACTATE, 5);
        double[] state = {80, 50, 7, 10, 70};
        double[] action = {3000, 1.0};

        StepCost cost = model.evaluate(previous, state, action);

        assertThat(cost.violatedRules()).containsExactlyElementsOf(model.ruleIds());
        assertThat(cost.costs()).containsOnly(1.0);
        assertThat(cost.total()).isEqualTo(6.0);
        assertThat(model.totalCost(previous, state, action)).isEqualTo(6.0);
        assertThat(cost.ruleSet()).isEqualTo(RuleSets.sepsisBedside().ref());
    }
}
