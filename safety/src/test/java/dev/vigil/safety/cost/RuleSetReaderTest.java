package dev.vigil.safety.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetReaderTest {

    /** A valid file; tests break it one field at a time. Line numbers: formatVersion is line 1. */
    private static final String VALID = """
            formatVersion: 1
            id: tiny
            version: "0.1.0"
            description: a tiny rule set
            units:
              spo2: "%"
            rules:
              - id: tiny.spo2-low
                condition: { feature: spo2, op: "<", value: 92 }
                rationale: hypoxaemia
                source: a textbook
            """;

    private static RuleSet parse(String yaml) {
        return RuleSets.parse(yaml, "tiny.yaml");
    }

    @Test
    void readsValidFileWithDefaultWeight() {
        RuleSet ruleSet = parse(VALID);

        assertThat(ruleSet.id()).isEqualTo("tiny");
        assertThat(ruleSet.version()).isEqualTo("0.1.0");
        Rule rule = ruleSet.rules().get(0);
        assertThat(rule.weight()).isEqualTo(1.0);
        assertThat(rule.unit()).isEmpty();
        assertThat(rule.condition()).isEqualTo(new Condition.Comparison(new Operand.Feature("spo2"),
                ComparisonOp.LESS, 92));
    }

    @Test
    void readsEveryExpressionForm() {
        RuleSet ruleSet = parse("""
                formatVersion: 1
                id: forms
                version: "1.2.3"
                description: every form
                units: { a: "1", b: "1", c: "1", d: "1" }
                rules:
                  - id: r
                    weight: 2.5
                    unit: notes
                    rationale: why
                    source: where
                    condition:
                      any:
                        - { feature: a, op: "<=", value: 1 }
                        - { action: b, op: ">=", value: 2.5 }
                        - { ratio: [a, c], op: ">", value: 3 }
                        - { change: d, op: ">", value: 0, and: { feature: d, op: ">", value: 4 } }
                        - all: [ { feature: a, op: "<", value: 0 } ]
                """);

        Condition condition = ruleSet.rules().get(0).condition();
        assertThat(condition).isEqualTo(new Condition.Any(List.of(
                new Condition.Comparison(new Operand.Feature("a"), ComparisonOp.LESS_OR_EQUAL, 1),
                new Condition.Comparison(new Operand.Action("b"), ComparisonOp.GREATER_OR_EQUAL, 2.5),
                new Condition.Comparison(new Operand.Ratio("a", "c"), ComparisonOp.GREATER, 3),
                new Condition.All(List.of(
                        new Condition.Comparison(new Operand.Change("d"), ComparisonOp.GREATER, 0),
                        new Condition.Comparison(new Operand.Feature("d"), ComparisonOp.GREATER, 4))),
                new Condition.All(List.of(new Condition.Comparison(new Operand.Feature("a"), ComparisonOp.LESS, 0))))));
        assertThat(ruleSet.rules().get(0).weight()).isEqualTo(2.5);
        assertThat(condition.names()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void loadsSavedReferenceFileOfFormatVersion1() {
        RuleSet ruleSet = RuleSets.load(Path.of("src/test/resources/dev/vigil/safety/cost/reference-v1.yaml"));

        assertThat(ruleSet.ref().toString()).startsWith("reference 1.0.0 sha256:");
        assertThat(ruleSet.ruleIds()).containsExactly("ref.spo2-low", "ref.fluid-per-kg-high");
        assertThat(ruleSet.rules().get(1).weight()).isEqualTo(0.5);
    }

    @Test
    void rejectsUnknownFormatVersionBeforeAnythingElse() {
        assertThatThrownBy(() -> parse(VALID.replace("formatVersion: 1", "formatVersion: 2")
                .replace("id: tiny", "colour: red")))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessage("tiny.yaml line 1 (formatVersion): formatVersion 2 is not supported: this Vigil reads "
                        + "formatVersion 1 (docs/safety-rules.md)");
    }

    @Test
    void rejectsMissingFormatVersion() {
        assertThatThrownBy(() -> parse(VALID.replace("formatVersion: 1\n", "")))
                .hasMessageContaining("formatVersion is missing: add 'formatVersion: 1' at the top");
    }

    @Test
    void rejectsUnknownTopLevelFieldNamingFieldAndLine() {
        assertThatThrownBy(() -> parse(VALID.replace("description: a tiny rule set",
                "description: a tiny rule set\ncolour: red")))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessage("tiny.yaml line 5 (colour): unknown field 'colour'; the fields allowed here are "
                        + "description, formatVersion, id, rules, units, version. Remove it or correct its spelling "
                        + "(docs/safety-rules.md)")
                .extracting(e -> ((InvalidRuleSetException) e).line()).isEqualTo(5);
    }

    @Test
    void rejectsUnknownRuleFieldNamingFieldAndLine() {
        assertThatThrownBy(() -> parse(VALID.replace("source: a textbook", "source: a textbook\n    severity: high")))
                .hasMessageStartingWith("tiny.yaml line 12 (rules[0].severity): unknown field 'severity'; the fields "
                        + "allowed here are condition, id, rationale, source, unit, weight.");
    }

    @Test
    void rejectsUnknownConditionFieldNamingFieldAndLine() {
        assertThatThrownBy(() -> parse(VALID.replace("value: 92 }", "value: 92, unit: \"%\" }")))
                .hasMessageStartingWith("tiny.yaml line 9 (rules[0].condition.unit): unknown field 'unit'; the fields "
                        + "allowed here are and, feature, op, value.");
    }

    @Test
    void rejectsConditionWithTwoOperands() {
        assertThatThrownBy(() -> parse(VALID.replace("{ feature: spo2,", "{ feature: spo2, action: spo2,")))
                .hasMessageContaining("(rules[0].condition.action): a comparison reads one of feature, action, ratio "
                        + "or change; this one has both 'feature' and 'action'");
    }

    @Test
    void rejectsConditionWithoutOperand() {
        assertThatThrownBy(() -> parse(VALID.replace("{ feature: spo2, op: \"<\", value: 92 }", "{ op: \"<\" }")))
                .hasMessageContaining("(rules[0].condition): a condition needs one of feature, action, ratio, change");
    }

    @Test
    void rejectsUnknownOperator() {
        assertThatThrownBy(() -> parse(VALID.replace("op: \"<\"", "op: \"==\"")))
                .hasMessageContaining("line 9 (rules[0].condition.op): op '==' is not an operator; use one of");
    }

    @Test
    void rejectsThresholdWrittenAsText() {
        assertThatThrownBy(() -> parse(VALID.replace("value: 92", "value: \"92\"")))
                .hasMessageContaining("(rules[0].condition.value): expected a number, got '92'");
    }

    @Test
    void rejectsInfiniteThreshold() {
        assertThatThrownBy(() -> parse(VALID.replace("value: 92", "value: .inf")))
                .hasMessageContaining("(rules[0].condition.value): expected a finite number");
    }

    @Test
    void rejectsNegativeWeight() {
        assertThatThrownBy(() -> parse(VALID.replace("rationale: hypoxaemia", "weight: -1\n    rationale: hypoxaemia")))
                .hasMessageContaining("(rules[0]): Rule tiny.spo2-low has weight -1.0: a weight is a finite cost >= 0");
    }

    @Test
    void rejectsMissingRationaleAndSource() {
        assertThatThrownBy(() -> parse(VALID.replace("    rationale: hypoxaemia\n", "")))
                .hasMessageContaining("(rules[0].rationale): the field 'rationale' is missing; add it");
        assertThatThrownBy(() -> parse(VALID.replace("    source: a textbook\n", "")))
                .hasMessageContaining("(rules[0].source): the field 'source' is missing; add it");
    }

    @Test
    void rejectsDuplicateRuleIds() {
        String twice = VALID + """
                  - id: tiny.spo2-low
                    condition: { feature: spo2, op: "<", value: 90 }
                    rationale: again
                    source: again
                """;
        assertThatThrownBy(() -> parse(twice))
                .hasMessageContaining("line 12 (rules[1].id): the rule id 'tiny.spo2-low' is already used on line 8");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> parse(VALID.replace("id: tiny\n", "id: tiny\nid: other\n")))
                .hasMessageContaining("line 3: the key 'id' appears twice in one mapping (lines 2 and 3)");
    }

    @Test
    void rejectsRatioWithoutTwoNames() {
        assertThatThrownBy(() -> parse(VALID.replace("feature: spo2", "ratio: [spo2]")))
                .hasMessageContaining("(rules[0].condition.ratio): a ratio is [numerator, denominator]");
    }

    @Test
    void rejectsVariableWithoutDeclaredUnit() {
        assertThatThrownBy(() -> parse(VALID.replace("feature: spo2", "feature: sao2").replace("spo2: \"%\"",
                "sao2: \"%\"\n  spo2: \"%\"")))
                .hasMessageContaining("no rule reads 'spo2'; remove it from units");
        assertThatThrownBy(() -> parse(VALID.replace("feature: spo2", "feature: sao2")))
                .hasMessageContaining("(rules[0].condition): the condition reads 'sao2', which units does not list");
    }

    @Test
    void rejectsVersionWrittenAsNumberOrNotSemantic() {
        assertThatThrownBy(() -> parse(VALID.replace("version: \"0.1.0\"", "version: 1.10")))
                .hasMessageContaining("line 3 (version): expected text, got '1.10'; quote it");
        assertThatThrownBy(() -> parse(VALID.replace("version: \"0.1.0\"", "version: \"v1\"")))
                .hasMessageContaining("Rule set tiny has version 'v1': write a semantic version major.minor.patch");
    }

    @Test
    void rejectsEmptyRulesAndEmptyCombinators() {
        assertThatThrownBy(() -> parse(VALID.substring(0, VALID.indexOf("rules:")) + "rules: []\n"))
                .hasMessageContaining("(rules): the rule set has no rules");
        assertThatThrownBy(() -> parse(VALID.replace("{ feature: spo2, op: \"<\", value: 92 }", "{ all: [] }")))
                .hasMessageContaining("(rules[0].condition.all): 'all' needs at least one condition");
        assertThatThrownBy(() -> parse(VALID.replace("{ feature: spo2, op: \"<\", value: 92 }",
                "{ all: [], feature: spo2 }")))
                .hasMessageContaining("unknown field 'feature'; the fields allowed here are all.");
    }

    @Test
    void rejectsInvalidAndEmptyYaml() {
        assertThatThrownBy(() -> parse("")).hasMessage("tiny.yaml: the file is empty; a rule set starts with "
                + "'formatVersion: 1' (docs/safety-rules.md)");
        assertThatThrownBy(() -> parse("formatVersion: 1\nrules: [")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("- a\n- b")).hasMessageContaining("a rule set is a YAML mapping");
    }

    @Test
    void rejectsBadRuleId() {
        assertThatThrownBy(() -> parse(VALID.replace("id: tiny.spo2-low", "id: Tiny SpO2")))
                .hasMessageContaining("Rule id 'Tiny SpO2' is not allowed");
    }

    @Test
    void hashIgnoresLayoutCommentsKeyOrderAndShorthand() {
        String reordered = """
                # same rules, other layout
                formatVersion: 1
                version: "0.1.0"
                id: tiny
                rules:
                  - source: a textbook
                    rationale: hypoxaemia
                    weight: 1.0
                    condition:
                      value: 92.0
                      op: "<"
                      feature: spo2
                    id: tiny.spo2-low
                units: { spo2: "%" }
                description: a tiny rule set
                """;

        assertThat(parse(reordered).contentHash()).isEqualTo(parse(VALID).contentHash());
        String andForm = VALID.replace("{ feature: spo2, op: \"<\", value: 92 }",
                "{ feature: spo2, op: \"<\", value: 92, and: { feature: spo2, op: \">\", value: 0 } }");
        String allForm = VALID.replace("{ feature: spo2, op: \"<\", value: 92 }",
                "{ all: [ { feature: spo2, op: \"<\", value: 92 }, { feature: spo2, op: \">\", value: 0 } ] }");
        assertThat(parse(andForm).contentHash()).isEqualTo(parse(allForm).contentHash());
    }

    @Test
    void hashChangesWithAnyContent() {
        String hash = parse(VALID).contentHash();

        assertThat(parse(VALID.replace("value: 92", "value: 91")).contentHash()).isNotEqualTo(hash);
        assertThat(parse(VALID.replace("hypoxaemia", "low oxygen")).contentHash()).isNotEqualTo(hash);
        assertThat(parse(VALID.replace("0.1.0", "0.1.1")).contentHash()).isNotEqualTo(hash);
    }

    @Test
    void canonicalFormIsStable() {
        assertThat(parse(VALID).canonicalForm()).isEqualTo("{\"formatVersion\":1,\"id\":\"tiny\",\"version\":"
                + "\"0.1.0\",\"description\":\"a tiny rule set\",\"units\":{\"spo2\":\"%\"},\"rules\":[{\"id\":"
                + "\"tiny.spo2-low\",\"condition\":{\"feature\":\"spo2\",\"op\":\"<\",\"value\":92},\"weight\":1,"
                + "\"rationale\":\"hypoxaemia\",\"source\":\"a textbook\",\"unit\":\"\"}]}");
    }

    @Test
    void shippedFileAndResourceAgree() throws IOException {
        String text;
        try (InputStream in = RuleSets.class.getResourceAsStream("sepsis-bedside.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(RuleSets.parse(text, "copy").contentHash()).isEqualTo(RuleSets.sepsisBedside().contentHash());
    }

    @Test
    void loadsFromFileAndNamesFileInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, VALID.replace("value: 92", "value: x"));

        assertThatThrownBy(() -> RuleSets.load(file)).hasMessageStartingWith(file + " line 9");
    }

    @Test
    void rejectsUnknownShippedRuleSet() {
        assertThatThrownBy(() -> RuleSets.shipped("sepsis-icu"))
                .hasMessage("No shipped rule set is called 'sepsis-icu'; the shipped ones are sepsis-bedside. Load "
                        + "your own file with RuleSets.load(Path)");
    }
}
