package dev.vigil.safety.contraindication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaceContraindicationsTest {

    private final ContraindicationRuleSet rules = ContraindicationRuleSet.shipped();

    /** A typical TACE candidate: Child-Pugh A6, BCLC B, ECOG 0, no thrombus, normal kidneys. */
    private static TaceCovariates eligible() {
        return new TaceCovariates(ChildPughClass.A, 6, 1.1, 3.8, 1.1, 150, 0.9, 120, 0, BclcStage.B,
                PortalVeinThrombus.NONE, 2, 5.5);
    }

    private static TaceCovariates with(String field, Object value) {
        TaceCovariates c = eligible();
        return new TaceCovariates(
                field.equals("class") ? (ChildPughClass) value : c.childPughClass(),
                field.equals("score") ? (Integer) value : field.equals("class") ? null : c.childPughScore(),
                field.equals("bilirubin") ? (Double) value : c.bilirubin(), c.albumin(), c.inr(), c.platelets(),
                field.equals("creatinine") ? (Double) value : c.creatinine(), c.afp(),
                field.equals("ecog") ? (Integer) value : c.ecog(),
                field.equals("bclc") ? (BclcStage) value : c.bclcStage(),
                field.equals("pvtt") ? (PortalVeinThrombus) value : c.portalVeinThrombus(), c.lesionCount(),
                c.largestDiameterCm());
    }

    @Test
    void shipsVersionOneWithTheStandardRules() {
        assertThat(rules.ref().id()).isEqualTo("tace-contraindications");
        assertThat(rules.ref().version()).isEqualTo("1.0.0");
        assertThat(rules.rules().ruleIds()).containsExactly("tace.child-pugh-c", "tace.bilirubin-above-3",
                "tace.main-portal-vein-thrombus", "tace.ecog-3-or-more", "tace.bclc-d", "tace.creatinine-2-or-more");
        rules.rules().rules().forEach(rule -> {
            assertThat(rule.rationale()).isNotBlank();
            assertThat(rule.source()).isNotBlank();
        });
    }

    @Test
    void anEligiblePatientIsClear() {
        ContraindicationResult result = rules.evaluate(eligible());
        assertThat(result.clear()).isTrue();
        assertThat(result.contraindicated()).isFalse();
        assertThat(result.ruleSet()).isEqualTo(rules.ref());
    }

    @Test
    void childPughC() {
        assertThat(rules.evaluate(with("class", ChildPughClass.C)).violatedIds()).containsExactly("tace.child-pugh-c");
        assertThat(rules.evaluate(with("class", ChildPughClass.B)).violatedIds()).isEmpty();
    }

    @Test
    void bilirubinAboveThreeIsStrict() {
        assertThat(rules.evaluate(with("bilirubin", 3.0)).violatedIds()).isEmpty();
        ContraindicationResult high = rules.evaluate(with("bilirubin", 3.01));
        assertThat(high.violatedIds()).containsExactly("tace.bilirubin-above-3");
        assertThat(high.violations().get(0).reason()).startsWith("bilirubin = 3.01 mg/dL > 3: A total bilirubin");
    }

    @Test
    void mainPortalVeinThrombusButNotABranch() {
        assertThat(rules.evaluate(with("pvtt", PortalVeinThrombus.MAIN)).violatedIds())
                .containsExactly("tace.main-portal-vein-thrombus");
        assertThat(rules.evaluate(with("pvtt", PortalVeinThrombus.BRANCH)).violatedIds()).isEmpty();
    }

    @Test
    void ecogThreeOrMore() {
        assertThat(rules.evaluate(with("ecog", 2)).violatedIds()).isEmpty();
        assertThat(rules.evaluate(with("ecog", 3)).violatedIds()).containsExactly("tace.ecog-3-or-more");
        assertThat(rules.evaluate(with("ecog", 4)).violatedIds()).containsExactly("tace.ecog-3-or-more");
    }

    @Test
    void bclcD() {
        assertThat(rules.evaluate(with("bclc", BclcStage.C)).violatedIds()).isEmpty();
        assertThat(rules.evaluate(with("bclc", BclcStage.D)).violatedIds()).containsExactly("tace.bclc-d");
    }

    @Test
    void creatinineTwoOrMore() {
        assertThat(rules.evaluate(with("creatinine", 1.99)).violatedIds()).isEmpty();
        assertThat(rules.evaluate(with("creatinine", 2.0)).violatedIds()).containsExactly("tace.creatinine-2-or-more");
    }

    @Test
    void missingCovariatesAreUnknownNotPassed() {
        ContraindicationResult result = rules.evaluate(with("bilirubin", Double.NaN));
        assertThat(result.violatedIds()).isEmpty();
        assertThat(result.unknownIds()).containsExactly("tace.bilirubin-above-3");
        assertThat(result.clear()).isFalse();
        assertThat(result.findings().get(0).reason()).isEqualTo("unknown: bilirubin is missing");
        assertThat(rules.evaluate(TaceCovariates.unknown()).unknownIds()).hasSize(6);
    }

    @Test
    void severalContraindicationsAreAllReported() {
        TaceCovariates poor = new TaceCovariates(ChildPughClass.C, 11, 4.2, 2.4, 1.9, 60, 1.0, 800, 3, BclcStage.D,
                PortalVeinThrombus.MAIN, 3, 9.0);
        assertThat(rules.evaluate(poor).violatedIds()).containsExactly("tace.child-pugh-c", "tace.bilirubin-above-3",
                "tace.main-portal-vein-thrombus", "tace.ecog-3-or-more", "tace.bclc-d");
    }

    @Test
    void anyIsViolatedByOnePartEvenWhenAnotherIsMissing() {
        String yaml = """
                formatVersion: 1
                id: test-any
                version: "1.0.0"
                description: any with a missing part
                units: { ecog: "{score}", bclc_stage: "1" }
                rules:
                  - id: t.poor
                    condition: { any: [ { feature: ecog, op: ">=", value: 3 }, { feature: bclc_stage, op: ">=", value: 4 } ] }
                    rationale: poor
                    source: test
                """;
        ContraindicationRuleSet set = ContraindicationRuleSet.parse(yaml, "test.yaml");
        TaceCovariates noEcogStageD = new TaceCovariates(null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, null, BclcStage.D, null, null, Double.NaN);
        assertThat(set.evaluate(noEcogStageD).violatedIds()).containsExactly("t.poor");
        TaceCovariates noEcogStageB = new TaceCovariates(null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, null, BclcStage.B, null, null, Double.NaN);
        assertThat(set.evaluate(noEcogStageB).unknownIds()).containsExactly("t.poor");
    }

    @Test
    void refusesRulesOnActionsAndOtherUnits() {
        String action = """
                formatVersion: 1
                id: bad
                version: "1.0.0"
                description: reads an action
                units: { tace_pva: "1" }
                rules:
                  - { id: b.one, condition: { action: tace_pva, op: ">", value: 0 }, rationale: r, source: s }
                """;
        assertThatThrownBy(() -> ContraindicationRuleSet.parse(action, "bad.yaml"))
                .hasMessageContaining("bad.yaml").hasMessageContaining("'tace_pva', which is not a TACE covariate");
        String unit = """
                formatVersion: 1
                id: bad
                version: "1.0.0"
                description: wrong unit
                units: { bilirubin: umol/L }
                rules:
                  - { id: b.one, condition: { feature: bilirubin, op: ">", value: 51 }, rationale: r, source: s }
                """;
        assertThatThrownBy(() -> ContraindicationRuleSet.parse(unit, "unit.yaml"))
                .hasMessageContaining("units.bilirubin is 'umol/L', but covariates give bilirubin in 'mg/dL'");
    }

    @Test
    void covariatesRejectAnInconsistentChildPughScore() {
        assertThatThrownBy(() -> new TaceCovariates(ChildPughClass.A, 8, 1, 3.5, 1.1, 150, 1, 10, 0, BclcStage.A,
                PortalVeinThrombus.NONE, 1, 2)).hasMessageContaining("Child-Pugh score 8 is class B, not A");
    }
}
