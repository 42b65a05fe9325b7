package dev.vigil.safety.cost;

import static dev.vigil.safety.cost.CostFixtures.NAN;
import static dev.vigil.safety.cost.CostFixtures.SPO2;
import static dev.vigil.safety.cost.CostFixtures.safeAction;
import static dev.vigil.safety.cost.CostFixtures.safeState;
import static dev.vigil.safety.cost.CostFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.Variable;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private static RuleSet ruleSet(String units, String rules) {
        return RuleSets.parse("formatVersion: 1\nid: test\nversion: \"1.0.0\"\ndescription: test\nunits: " + units
                + "\nrules:\n" + rules, "test.yaml");
    }

    private static String rule(String id, String condition, double weight) {
        return "  - id: " + id + "\n    condition: " + condition + "\n    weight: " + weight
                + "\n    rationale: r\n    source: s\n";
    }

    private static DatasetSchema schema(List<Variable> features, List<Variable> actions) {
        return new DatasetSchema("test-schema", SpaceType.continuous(), features, SpaceType.continuous(), actions,
                false, false, "", "", null);
    }

    @Test
    void unknownFeatureNamesRuleNameAndAvailableNames() {
        RuleSet rules = ruleSet("{ sao2: \"%\" }", rule("t.sao2", "{ feature: sao2, op: \"<\", value: 92 }", 1));

        assertThatThrownBy(() -> CostModel.compile(rules, CostFixtures.sepsisSchema()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Rule t.sao2 reads feature 'sao2', which dataset schema 'sepsis-fixture' does not have. "
                        + "Its features are: spo2, map, lactate, urine_output_cum, weight; its actions are: iv_fluid, "
                        + "vasopressor. Rename the variable in the rule set or in the cohort specification");
    }

    @Test
    void unknownRatioTermAndChangeAreNamedToo() {
        RuleSet ratio = ruleSet("{ urine: mL, weight: kg }",
                rule("t.ratio", "{ ratio: [urine, weight], op: \"<\", value: 2 }", 1));
        RuleSet change = ruleSet("{ lac: mmol/L }", rule("t.change", "{ change: lac, op: \">\", value: 0 }", 1));

        assertThatThrownBy(() -> CostModel.compile(ratio, CostFixtures.sepsisSchema()))
                .hasMessageStartingWith("Rule t.ratio reads ratio term 'urine', which dataset schema");
        assertThatThrownBy(() -> CostModel.compile(change, CostFixtures.sepsisSchema()))
                .hasMessageStartingWith("Rule t.change reads change of feature 'lac', which dataset schema");
    }

    @Test
    void actionReadAsFeatureIsExplained() {
        RuleSet rules = ruleSet("{ vasopressor: ug/kg/min }",
                rule("t.vaso", "{ feature: vasopressor, op: \">\", value: 1 }", 1));

        assertThatThrownBy(() -> CostModel.compile(rules, CostFixtures.sepsisSchema()))
                .hasMessage("Rule t.vaso reads feature 'vasopressor', but in dataset schema 'sepsis-fixture' "
                        + "'vasopressor' is an action: write 'action: vasopressor' in the rule");
    }

    @Test
    void refusesDatasetInAnotherUnit() {
        DatasetSchema fraction = schema(List.of(new Variable("spo2", "1")), List.of(new Variable("iv_fluid", "mL")));
        RuleSet rules = ruleSet("{ spo2: \"%\" }", rule("t.spo2", "{ feature: spo2, op: \"<\", value: 92 }", 1));

        assertThatThrownBy(() -> CostModel.compile(rules, fraction))
                .hasMessage("Rule t.spo2 of rule set test 1.0.0 reads 'spo2' in %, but dataset schema 'test-schema' "
                        + "has it in 1: convert it to % in the cohort specification (ingestion converts units; the cost "
                        + "model never does)");
    }

    @Test
    void reportsUnitsItCouldNotCheck() {
        DatasetSchema noUnits = schema(List.of(new Variable("spo2", "")), List.of(new Variable("iv_fluid", "")));
        RuleSet rules = ruleSet("{ spo2: \"%\" }", rule("t.spo2", "{ feature: spo2, op: \"<\", value: 92 }", 1));

        assertThat(CostModel.compile(rules, noUnits).uncheckedUnits()).containsExactly("spo2");
        assertThat(CostFixtures.sepsisModel().uncheckedUnits()).isEmpty();
    }

    @Test
    void ratioUsesHandComputedValues() {
        DatasetSchema schema = schema(List.of(new Variable("a", "1"), new Variable("b", "1")),
                List.of(new Variable("c", "1")));
        RuleSet rules = ruleSet("{ a: \"1\", b: \"1\", c: \"1\" }",
                rule("t.ab", "{ ratio: [a, b], op: \"<\", value: 2 }", 1)
                        + rule("t.cb", "{ ratio: [c, b], op: \">=\", value: 0.25 }", 1));
        CostModel model = CostModel.compile(rules, schema);

        // a/b = 7/4 = 1.75 < 2 violated; c/b = 1/4 = 0.25 >= 0.25 violated (non-strict).
        StepCost both = model.evaluate(null, new double[] {7, 4}, new double[] {1});
        assertThat(both.violatedRules()).containsExactly("t.ab", "t.cb");
        // a/b = 8/4 = 2.0 not < 2; c/b = 0.99/4 = 0.2475 < 0.25.
        StepCost none = model.evaluate(null, new double[] {8, 4}, new double[] {0.99});
        assertThat(none.violatedRules()).isEmpty();
        // negative denominator is a value: -3 / -2 = 1.5 < 2.
        assertThat(model.evaluate(null, new double[] {-3, -2}, new double[] {0}).status("t.ab"))
                .isEqualTo(RuleStatus.VIOLATED);
    }

    @Test
    void missingInputsAreNotEvaluableAndCostNothing() {
        CostModel model = CostFixtures.sepsisModel();
        double[] nothing = {NAN, NAN, NAN, NAN, NAN};

        StepCost cost = model.evaluate(null, nothing, new double[] {NAN, NAN});

        assertThat(cost.notEvaluableRules()).containsExactlyElementsOf(model.ruleIds());
        assertThat(cost.violatedRules()).isEmpty();
        assertThat(cost.total()).isZero();
    }

    @Test
    void combinatorsAreNotEvaluableWhenAnyPartIsMissingEvenIfOthersDecide() {
        DatasetSchema schema = schema(List.of(new Variable("a", "1"), new Variable("b", "1")),
                List.of(new Variable("c", "1")));
        RuleSet rules = ruleSet("{ a: \"1\", b: \"1\" }",
                rule("t.any", "{ any: [ { feature: a, op: \">\", value: 0 }, { feature: b, op: \">\", value: 0 } ] }", 1)
                        + rule("t.all", "{ all: [ { feature: a, op: \">\", value: 0 }, { feature: b, op: \">\", "
                                + "value: 0 } ] }", 1));
        CostModel model = CostModel.compile(rules, schema);

        StepCost partial = model.evaluate(null, new double[] {1, NAN}, new double[] {0});
        assertThat(partial.notEvaluableRules()).containsExactly("t.any", "t.all");
        StepCost known = model.evaluate(null, new double[] {1, -1}, new double[] {0});
        assertThat(known.status("t.any")).isEqualTo(RuleStatus.VIOLATED);
        assertThat(known.status("t.all")).isEqualTo(RuleStatus.SATISFIED);
    }

    @Test
    void zeroWeightRuleIsCountedButCostsNothing() {
        DatasetSchema schema = schema(List.of(new Variable("a", "1")), List.of(new Variable("c", "1")));
        RuleSet rules = ruleSet("{ a: \"1\" }", rule("t.watch", "{ feature: a, op: \">\", value: 0 }", 0)
                + rule("t.heavy", "{ feature: a, op: \">\", value: 5 }", 2.5));
        CostModel model = CostModel.compile(rules, schema);

        StepCost cost = model.evaluate(null, new double[] {6}, new double[] {0});

        assertThat(cost.violatedRules()).containsExactly("t.watch", "t.heavy");
        assertThat(cost.cost("t.watch")).isZero();
        assertThat(cost.cost("t.heavy")).isEqualTo(2.5);
        assertThat(cost.total()).isEqualTo(2.5);
    }

    @Test
    void costsAreNeverNegative() {
        CostModel model = CostFixtures.sepsisModel();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            double[] previous = randomState(random);
            double[] state = randomState(random);
            double[] action = {random.nextDouble(-1000, 5000), random.nextDouble(-1, 3)};
            StepCost cost = model.evaluate(i % 5 == 0 ? null : previous, state, action);
            assertThat(java.util.Arrays.stream(cost.costs()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
            assertThat(cost.total()).isBetween(0.0, 6.0);
        }
    }

    private static double[] randomState(SplittableRandom random) {
        double[] state = new double[5];
        for (int f = 0; f < state.length; f++) {
            state[f] = random.nextInt(10) == 0 ? NAN : random.nextDouble(-10, 200);
        }
        return state;
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        CostModel model = CostFixtures.sepsisModel();

        assertThatThrownBy(() -> model.evaluate(null, new double[] {97}, safeAction()))
                .hasMessage("The state has 1 values; schema 'sepsis-fixture' has 5 features (use NaN for a missing "
                        + "value)");
        assertThatThrownBy(() -> model.evaluate(new double[2], safeState(), safeAction()))
                .hasMessageContaining("The previous state has 2 values");
        assertThatThrownBy(() -> model.evaluate(null, safeState(), new double[1]))
                .hasMessageContaining("The action has 1 values");
    }

    @Test
    void evaluatesEpisodeWithPreviousSteps() {
        CostModel model = CostFixtures.sepsisModel();
        double[] s0 = with(safeState(), SPO2, 90);
        double[] s1 = with(with(safeState(), CostFixtures.LACTATE, 5), SPO2, NAN);
        double[] s2 = with(safeState(), CostFixtures.LACTATE, 6);
        Episode episode = new Episode("e1", new ContinuousStates(new double[][] {s0, s1, s2},
                new boolean[][] {new boolean[5], {true, false, false, false, false}, new boolean[5]}),
                new ContinuousActions(new double[][] {safeAction(), safeAction(), safeAction()}), null, null, null,
                null, null);

        EpisodeCosts costs = model.evaluate(episode);

        // t0: SpO2 90 violated, lactate rule not evaluable (first step).
        // t1: SpO2 missing; lactate 1.5 -> 5 rising above 4: violated.
        // t2: lactate 5 -> 6 rising above 4: violated.
        assertThat(costs.stepCosts()).containsExactly(1, 1, 1);
        assertThat(costs.total()).isEqualTo(3);
        assertThat(costs.violatingSteps()).isEqualTo(3);
        assertThat(costs.ruleViolations()).containsExactly(1, 0, 0, 2, 0, 0);
        assertThat(costs.ruleNotEvaluable()).containsExactly(1, 0, 0, 1, 0, 0);
        assertThat(costs.evaluableSteps(3)).isEqualTo(2);
        assertThat(costs.ruleSet()).isEqualTo(model.ruleSetRef());
        assertThat(costs.episodeId()).isEqualTo("e1");
    }

    @Test
    void rejectsEpisodeOfAnotherShape() {
        CostModel model = CostFixtures.sepsisModel();
        Episode narrow = new Episode("narrow", new ContinuousStates(new double[][] {{97}}, new boolean[][] {{false}}),
                new ContinuousActions(new double[][] {safeAction()}), null, null, null, null, null);

        assertThatThrownBy(() -> model.evaluate(narrow))
                .hasMessage("Episode narrow does not have the 5 continuous features of schema 'sepsis-fixture'; "
                        + "compile a cost model for the episode's own dataset schema");
    }

    @Test
    void stepCostRejectsUnknownRuleIdAndInconsistentValues() {
        StepCost cost = CostFixtures.sepsisModel().evaluate(null, safeState(), safeAction());

        assertThatThrownBy(() -> cost.cost("sepsis.heart-rate"))
                .hasMessageStartingWith("Rule set sepsis-bedside 1.0.0 has no rule 'sepsis.heart-rate'");
        RuleSetRef ref = cost.ruleSet();
        assertThatThrownBy(() -> new StepCost(ref, List.of("a"), new double[] {-1},
                new RuleStatus[] {RuleStatus.VIOLATED}))
                .hasMessageContaining("costs are finite and non-negative");
        assertThatThrownBy(() -> new StepCost(ref, List.of("a"), new double[] {1},
                new RuleStatus[] {RuleStatus.NOT_EVALUABLE}))
                .hasMessageContaining("only a violated rule costs anything");
    }
}
