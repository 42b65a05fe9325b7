package dev.vigil.safety.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.safety.cost.RuleSetDiff.FieldChange;
import dev.vigil.safety.cost.RuleSetDiff.Kind;
import org.junit.jupiter.api.Test;

class RuleSetDiffTest {

    private static final String V1 = """
            formatVersion: 1
            id: demo
            version: "1.0.0"
            description: Two rules.
            units:
              spo2: "%"
              map: mm[Hg]
            rules:
              - id: r.spo2
                condition: { feature: spo2, op: "<", value: 92 }
                rationale: Low saturation.
                source: A.
              - id: r.map
                condition: { feature: map, op: "<", value: 65 }
                rationale: Low pressure.
                source: B.
            """;

    @Test
    void identicalContentGivesAnEmptyDiffEvenAcrossVersionNumbers() {
        RuleSet a = RuleSets.parse(V1, "a.yaml");
        RuleSet b = RuleSets.parse(V1.replace("1.0.0", "1.0.1"), "b.yaml");
        RuleSetDiff diff = RuleSetDiff.between(a, b);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.fromVersion()).isEqualTo("1.0.0");
        assertThat(diff.toVersion()).isEqualTo("1.0.1");
    }

    @Test
    void namesEachChangedFieldAddedAndRemovedRule() {
        RuleSet a = RuleSets.parse(V1, "a.yaml");
        String v2 = """
                formatVersion: 1
                id: demo
                version: "1.1.0"
                description: Two rules, revised.
                units:
                  spo2: "%"
                  lactate: mmol/L
                rules:
                  - id: r.lactate
                    condition: { all: [ { feature: lactate, op: ">", value: 4 }, { change: lactate, op: ">", value: 0 } ] }
                    weight: 2
                    rationale: Rising lactate.
                    source: C.
                  - id: r.spo2
                    condition: { feature: spo2, op: "<", value: 90 }
                    weight: 0.5
                    rationale: Low saturation.
                    source: A.
                """;
        RuleSetDiff diff = RuleSetDiff.between(a, RuleSets.parse(v2, "b.yaml"));

        assertThat(diff.setChanges()).containsExactly(
                new FieldChange("description", "Two rules.", "Two rules, revised."),
                new FieldChange("units.lactate", null, "mmol/L"),
                new FieldChange("units.map", "mm[Hg]", null));
        assertThat(diff.rules()).extracting(RuleSetDiff.RuleChange::ruleId, RuleSetDiff.RuleChange::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r.lactate", Kind.ADDED),
                        org.assertj.core.groups.Tuple.tuple("r.spo2", Kind.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("r.map", Kind.REMOVED));
        assertThat(diff.rules().get(0).fields()).contains(
                new FieldChange("condition", null, "all(lactate > 4, change(lactate) > 0)"),
                new FieldChange("weight", null, "2"));
        assertThat(diff.rules().get(1).fields()).containsExactly(
                new FieldChange("condition", "spo2 < 92", "spo2 < 90"),
                new FieldChange("weight", "1", "0.5"));
        assertThat(diff.rules().get(2).fields()).contains(new FieldChange("condition", "map < 65", null));
    }

    @Test
    void reportsAReorderingOfTheRulesKeptOnBothSides() {
        RuleSet a = RuleSets.parse(V1, "a.yaml");
        String swapped = V1.replace("1.0.0", "1.0.1")
                .replace("""
                          - id: r.spo2
                            condition: { feature: spo2, op: "<", value: 92 }
                            rationale: Low saturation.
                            source: A.
                        """, "")
                + """
                          - id: r.spo2
                            condition: { feature: spo2, op: "<", value: 92 }
                            rationale: Low saturation.
                            source: A.
                        """;
        RuleSetDiff diff = RuleSetDiff.between(a, RuleSets.parse(swapped, "b.yaml"));
        assertThat(diff.rules()).isEmpty();
        assertThat(diff.setChanges()).containsExactly(new FieldChange("order", "r.spo2, r.map", "r.map, r.spo2"));
    }

    @Test
    void refusesToCompareDifferentRuleSets() {
        RuleSet a = RuleSets.parse(V1, "a.yaml");
        RuleSet other = RuleSets.parse(V1.replace("id: demo", "id: other"), "b.yaml");
        assertThatThrownBy(() -> RuleSetDiff.between(a, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demo").hasMessageContaining("other");
    }
}
