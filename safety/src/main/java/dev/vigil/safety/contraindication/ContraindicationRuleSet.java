package dev.vigil.safety.contraindication;

import dev.vigil.safety.cost.Condition;
import dev.vigil.safety.cost.Operand;
import dev.vigil.safety.cost.Rule;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.RuleSetRef;
import dev.vigil.safety.cost.RuleSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A versioned set of contraindications, read from a rule set file (the cost rule format, docs/safety-rules.md)
 * whose conditions compare covariates of {@link TaceCovariates#variables()} (a {@code feature:} names a
 * covariate; {@code ratio:} divides two) in the units of {@link TaceCovariates#UNITS}. Weights are not used.
 *
 * <p>Evaluation uses three-valued logic: a comparison of a missing covariate is unknown; {@code any} is
 * violated when one part is violated, else unknown when one part is unknown; {@code all} holds when one part
 * holds, else unknown when one part is unknown. So a missing value never passes a patient, and a violation
 * that is certain from the values present is reported as one.
 */
public final class ContraindicationRuleSet {

    /** The shipped rule set's id. */
    public static final String TACE = "tace-contraindications";

    private final RuleSet rules;

    private ContraindicationRuleSet(RuleSet rules, String source) {
        this.rules = rules;
        for (Map.Entry<String, String> unit : rules.units().entrySet()) {
            String expected = TaceCovariates.UNITS.get(unit.getKey());
            if (expected == null) {
                throw new IllegalArgumentException(source + ": rule set " + rules.id() + " reads '" + unit.getKey()
                        + "', which is not a TACE covariate; use one of " + TaceCovariates.UNITS.keySet());
            }
            if (!expected.equals(unit.getValue())) {
                throw new IllegalArgumentException(source + ": units." + unit.getKey() + " is '" + unit.getValue()
                        + "', but covariates give " + unit.getKey() + " in '" + expected + "'");
            }
        }
        for (Rule rule : rules.rules()) {
            requireCovariatesOnly(rule.condition(), rule.id(), source);
        }
    }

    /** The shipped {@code tace-contraindications} rule set (1.0.0, docs/tace-protocols.md). */
    public static ContraindicationRuleSet shipped() {
        String resource = TACE + ".yaml";
        try (InputStream in = ContraindicationRuleSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped rule set " + resource + " is missing from the safety jar; "
                        + "rebuild the safety module");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "shipped " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped rule set " + resource, e);
        }
    }

    /** A contraindication rule set file. */
    public static ContraindicationRuleSet load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule set file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A contraindication rule set from YAML text.
     *
     * @param source what to call the text in errors
     * @throws IllegalArgumentException naming the source when it is not a valid rule set, reads something
     *     other than covariates, or states another unit
     */
    public static ContraindicationRuleSet parse(String yaml, String source) {
        return new ContraindicationRuleSet(RuleSets.parse(yaml, source), source);
    }

    /** The rule set as read (id, version, rules with rationale and source). */
    public RuleSet rules() {
        return rules;
    }

    public RuleSetRef ref() {
        return rules.ref();
    }

    /** The violated and the undecidable rules for {@code covariates}, in rule order. */
    public ContraindicationResult evaluate(TaceCovariates covariates) {
        Map<String, Double> values = covariates.variables();
        List<ContraindicationFinding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            Verdict verdict = evaluate(rule.condition(), values);
            if (verdict.status == Status.VIOLATED) {
                findings.add(new ContraindicationFinding(rule.id(), ContraindicationFinding.Status.VIOLATED,
                        verdict.text + ": " + rule.rationale()));
            } else if (verdict.status == Status.UNKNOWN) {
                findings.add(new ContraindicationFinding(rule.id(), ContraindicationFinding.Status.UNKNOWN,
                        "unknown: " + verdict.text));
            }
        }
        return new ContraindicationResult(ref(), findings);
    }

    private enum Status { VIOLATED, HOLDS, UNKNOWN }

    /** A status with the words that explain it: the comparison made, or what was missing. */
    private record Verdict(Status status, String text) {
    }

    private Verdict evaluate(Condition condition, Map<String, Double> values) {
        if (condition instanceof Condition.Comparison comparison) {
            return compare(comparison, values);
        }
        boolean any = condition instanceof Condition.Any;
        List<Condition> parts = any ? ((Condition.Any) condition).conditions() : ((Condition.All) condition)
                .conditions();
        // any: a violated part decides; all: a holding part decides.
        Status decisive = any ? Status.VIOLATED : Status.HOLDS;
        List<String> unknown = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Condition part : parts) {
            Verdict verdict = evaluate(part, values);
            if (verdict.status == decisive) {
                return verdict;
            }
            if (verdict.status == Status.UNKNOWN) {
                unknown.add(verdict.text);
            } else {
                texts.add(verdict.text);
            }
        }
        if (!unknown.isEmpty()) {
            return new Verdict(Status.UNKNOWN, String.join("; ", unknown));
        }
        return new Verdict(any ? Status.HOLDS : Status.VIOLATED, String.join(" and ", texts));
    }

    private Verdict compare(Condition.Comparison comparison, Map<String, Double> values) {
        double x;
        String name;
        if (comparison.operand() instanceof Operand.Feature feature) {
            name = feature.name();
            x = values.get(name);
            if (Double.isNaN(x)) {
                return new Verdict(Status.UNKNOWN, name + " is missing");
            }
        } else {
            Operand.Ratio ratio = (Operand.Ratio) comparison.operand();
            name = ratio.numerator() + " / " + ratio.denominator();
            double numerator = values.get(ratio.numerator());
            double denominator = values.get(ratio.denominator());
            if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
                return new Verdict(Status.UNKNOWN, name + " is missing or undefined");
            }
            x = numerator / denominator;
        }
        boolean violated = comparison.op().test(x, comparison.value());
        String unit = comparison.operand() instanceof Operand.Feature feature ? TaceCovariates.UNITS.get(
                feature.name()) : "";
        String shown = name + " = " + plain(x) + (unit.isEmpty() || unit.equals("1") || unit.startsWith("{") ? ""
                : " " + unit) + " " + (violated ? comparison.op().symbol() : "not " + comparison.op().symbol()) + " "
                + plain(comparison.value());
        return new Verdict(violated ? Status.VIOLATED : Status.HOLDS, shown);
    }

    private static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static void requireCovariatesOnly(Condition condition, String ruleId, String source) {
        if (condition instanceof Condition.Comparison comparison) {
            Operand operand = comparison.operand();
            if (!(operand instanceof Operand.Feature) && !(operand instanceof Operand.Ratio)) {
                throw new IllegalArgumentException(source + ": rule " + ruleId + " reads '" + operand.describe()
                        + "'; a contraindication reads covariates only (feature: or ratio:), not actions or changes");
            }
        } else if (condition instanceof Condition.All all) {
            all.conditions().forEach(c -> requireCovariatesOnly(c, ruleId, source));
        } else if (condition instanceof Condition.Any any) {
            any.conditions().forEach(c -> requireCovariatesOnly(c, ruleId, source));
        }
    }
}
