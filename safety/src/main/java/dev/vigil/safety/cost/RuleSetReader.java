package dev.vigil.safety.cost;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML form of a {@link RuleSet} (format version 1, docs/safety-rules.md). Unknown versions are
 * refused before anything else; unknown fields, missing fields, wrong types and invalid values are errors
 * naming the file, line and field path.
 */
final class RuleSetReader {

    private static final String[] OPERAND_FIELDS = {"feature", "action", "ratio", "change"};

    private final String source;

    private RuleSetReader(String source) {
        this.source = source;
    }

    static RuleSet read(String yaml, String source) {
        return new RuleSetReader(source).readRoot(YamlNode.parse(yaml, source));
    }

    private RuleSet readRoot(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping)) {
            throw Fields.error(source, root.line(), "", "a rule set is a YAML mapping starting with 'formatVersion: "
                    + RuleSet.FORMAT_VERSION + "' (docs/safety-rules.md)");
        }
        Fields fields = Fields.of(root, "", source, "a rule set");
        checkFormatVersion(fields);
        fields.allowOnly("formatVersion", "id", "version", "description", "units", "rules");
        String id = fields.text("id");
        String version = fields.text("version");
        String description = fields.text("description");
        Map<String, String> units = readUnits(fields);
        List<YamlNode> ruleNodes = fields.sequence("rules");
        if (ruleNodes.isEmpty()) {
            throw fields.error("rules", "the rule set has no rules; give at least one");
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> ruleLines = new HashMap<>();
        Map<String, Boolean> unitUsed = new LinkedHashMap<>();
        units.keySet().forEach(name -> unitUsed.put(name, false));
        for (int i = 0; i < ruleNodes.size(); i++) {
            Fields ruleFields = Fields.of(ruleNodes.get(i), "rules[" + i + "]", source, "a rule");
            Rule rule = readRule(ruleFields);
            Integer earlier = ruleLines.putIfAbsent(rule.id(), ruleFields.line("id"));
            if (earlier != null) {
                throw ruleFields.error("id", "the rule id '" + rule.id() + "' is already used on line " + earlier
                        + "; rule ids must be unique");
            }
            for (String name : rule.condition().names()) {
                if (!units.containsKey(name)) {
                    throw ruleFields.error("condition", "the condition reads '" + name + "', which units does not "
                            + "list: add '" + name + ": <UCUM unit>' under units, so that a dataset in another unit is "
                            + "refused");
                }
                unitUsed.put(name, true);
            }
            rules.add(rule);
        }
        unitUsed.forEach((name, used) -> {
            if (!used) {
                Fields unitFields = Fields.of(fields.node("units"), "units", source, "units");
                throw unitFields.error(name, "no rule reads '" + name + "'; remove it from units");
            }
        });
        try {
            return new RuleSet(id, version, description, units, rules);
        } catch (IllegalArgumentException e) {
            throw Fields.error(source, fields.line(), "", e.getMessage());
        }
    }

    /** First, so that a file of a newer format is not reported field by field. */
    private void checkFormatVersion(Fields fields) {
        if (!fields.has("formatVersion")) {
            throw Fields.error(source, 1, "formatVersion", "formatVersion is missing: add 'formatVersion: "
                    + RuleSet.FORMAT_VERSION + "' at the top");
        }
        YamlNode node = fields.node("formatVersion");
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.token() != JsonToken.VALUE_NUMBER_INT
                || scalar.number() != RuleSet.FORMAT_VERSION) {
            String got = node instanceof YamlNode.Scalar scalar ? scalar.text() : "a structure";
            throw fields.error("formatVersion", "formatVersion " + got + " is not supported: this Vigil reads "
                    + "formatVersion " + RuleSet.FORMAT_VERSION + " (docs/safety-rules.md)");
        }
    }

    private Map<String, String> readUnits(Fields fields) {
        Map<String, String> units = new LinkedHashMap<>();
        if (!fields.has("units")) {
            return units;
        }
        Fields unitFields = Fields.of(fields.node("units"), "units", source, "units");
        for (String name : unitFields.names()) {
            String unit = unitFields.text(name);
            if (unit.isBlank()) {
                throw unitFields.error(name, "the unit of '" + name + "' is empty; write its UCUM unit, e.g. mm[Hg]");
            }
            units.put(name, unit);
        }
        return units;
    }

    private Rule readRule(Fields fields) {
        fields.allowOnly("id", "condition", "weight", "rationale", "source", "unit");
        String id = fields.text("id");
        Condition condition = readCondition(fields.node("condition"), fields.child("condition"));
        double weight = fields.optionalNumber("weight", Rule.DEFAULT_WEIGHT);
        String rationale = fields.text("rationale");
        String citation = fields.text("source");
        String unit = fields.optionalText("unit", "");
        try {
            return new Rule(id, condition, weight, rationale, citation, unit);
        } catch (IllegalArgumentException e) {
            throw Fields.error(source, fields.line(), fields.path(), e.getMessage());
        }
    }

    private Condition readCondition(YamlNode node, String path) {
        Fields fields = Fields.of(node, path, source, "a condition");
        if (fields.has("all") || fields.has("any")) {
            String form = fields.has("all") ? "all" : "any";
            fields.allowOnly(form);
            List<YamlNode> items = fields.sequence(form);
            if (items.isEmpty()) {
                throw fields.error(form, "'" + form + "' needs at least one condition");
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                parts.add(readCondition(items.get(i), fields.child(form) + "[" + i + "]"));
            }
            return form.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
        }
        String operandField = null;
        for (String candidate : OPERAND_FIELDS) {
            if (fields.has(candidate)) {
                if (operandField != null) {
                    throw fields.error(candidate, "a comparison reads one of feature, action, ratio or change; this "
                            + "one has both '" + operandField + "' and '" + candidate + "'. Split it with all: or "
                            + "any:");
                }
                operandField = candidate;
            }
        }
        if (operandField == null) {
            throw Fields.error(source, fields.line(), path, "a condition needs one of feature, action, ratio, change "
                    + "(with op and value), or all / any (a list of conditions)");
        }
        fields.allowOnly(operandField, "op", "value", "and");
        Operand operand = readOperand(fields, operandField);
        ComparisonOp op;
        try {
            op = ComparisonOp.ofSymbol(fields.text("op"));
        } catch (IllegalArgumentException e) {
            throw fields.error("op", e.getMessage());
        }
        Condition comparison = new Condition.Comparison(operand, op, fields.number("value"));
        if (!fields.has("and")) {
            return comparison;
        }
        // "and:" is shorthand for all: [this comparison, that condition]; it is stored as such, so both
        // spellings of a rule hash the same.
        Condition other = readCondition(fields.node("and"), fields.child("and"));
        return new Condition.All(List.of(comparison, other));
    }

    private Operand readOperand(Fields fields, String field) {
        try {
            if (field.equals("ratio")) {
                List<YamlNode> terms = fields.sequence("ratio");
                if (terms.size() != 2) {
                    throw fields.error("ratio", "a ratio is [numerator, denominator], e.g. [urine_output_cum, weight]; "
                            + "got " + terms.size() + " names");
                }
                return new Operand.Ratio(fields.text(terms.get(0), fields.child("ratio") + "[0]"),
                        fields.text(terms.get(1), fields.child("ratio") + "[1]"));
            }
            String name = fields.text(field);
            return switch (field) {
                case "feature" -> new Operand.Feature(name);
                case "action" -> new Operand.Action(name);
                default -> new Operand.Change(name);
            };
        } catch (InvalidRuleSetException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw fields.error(field, e.getMessage());
        }
    }
}
