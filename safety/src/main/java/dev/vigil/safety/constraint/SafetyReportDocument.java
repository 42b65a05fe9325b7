package dev.vigil.safety.constraint;

import dev.vigil.safety.constraint.SafetyConstraintReport.RuleRow;
import dev.vigil.safety.constraint.SafetyConstraintReport.Side;
import dev.vigil.safety.report.ReportCharts;
import dev.vigil.safety.report.ReportDocument;
import dev.vigil.safety.report.ReportDocument.Figure;
import dev.vigil.safety.report.ReportDocument.Paragraph;
import dev.vigil.safety.report.ReportDocument.Section;
import dev.vigil.safety.report.ReportDocument.Table;
import dev.vigil.safety.report.ReportDocument.Tone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays a {@link SafetyConstraintReport} out as a {@link ReportDocument} (for HTML and PDF) with its figures. */
public final class SafetyReportDocument {

    private SafetyReportDocument() {
    }

    public static ReportDocument of(SafetyConstraintReport report) {
        Map<String, String> provenance = new LinkedHashMap<>(report.provenance());
        provenance.put("Rule set", report.ruleSet().id() + " " + report.ruleSet().version() + " (sha256 "
                + report.ruleSet().sha256() + ")");
        provenance.put("Evaluation data", report.episodes() + " episodes, " + report.steps() + " steps");
        provenance.put("Report format", report.format() + " v" + report.formatVersion());
        List<Section> sections = new ArrayList<>();
        List<ReportDocument.Block> verdict = new ArrayList<>();
        verdict.add(new Paragraph(report.verdict().pass() ? "PASS: every threshold is met"
                : "FAIL: at least one threshold is not met", report.verdict().pass() ? Tone.GOOD : Tone.BAD));
        report.verdict().reasons().forEach(r -> verdict.add(new Paragraph(r,
                r.startsWith("FAIL") ? Tone.BAD : Tone.NORMAL)));
        verdict.add(new Paragraph("Costs are charged on the evaluation data's logged states with the policy's "
                + "recommended action at each step; rules over states alone read the same states for both sides."));
        sections.add(new Section("Verdict", verdict));
        sections.add(new Section("Episode costs against the budget", List.of(
                new Table("Policy versus clinicians", List.of("", "Policy", "Clinicians"), List.of(
                        row("Mean episode cost", report.policy().meanEpisodeCost(),
                                report.clinicians().meanEpisodeCost(), 3),
                        row("Normalised cost (cost / budget " + number(report.budget()) + ")",
                                report.policy().normalisedCost(), report.clinicians().normalisedCost(), 3),
                        percentRow("Episodes within budget", report.policy().withinBudgetRate(),
                                report.clinicians().withinBudgetRate()),
                        percentRow("Failure rate (episodes with any violation)", report.policy().failureRate(),
                                report.clinicians().failureRate()),
                        row("Violating steps per episode", report.policy().violatingStepsPerEpisode(),
                                report.clinicians().violatingStepsPerEpisode(), 2),
                        percentRow("Out-of-support rate (guardian)", report.policy().oodRate(),
                                report.clinicians().oodRate()))),
                new Figure("episode-costs", "Episode cost under the policy and the clinicians, with the budget",
                        ReportCharts.histogram("Episode cost", "undiscounted cost per episode",
                                sides(report.policy().episodeCosts(), report.clinicians().episodeCosts()), 20,
                                report.budget(), "budget")))));
        List<List<String>> ruleRows = new ArrayList<>();
        Map<String, Double> policyRates = new LinkedHashMap<>();
        Map<String, Double> clinicianRates = new LinkedHashMap<>();
        for (RuleRow r : report.rules()) {
            ruleRows.add(List.of(r.ruleId(), number(r.weight()), percent(r.policyViolationRate()),
                    percent(r.clinicianViolationRate()), fixed(r.policyCostPerEpisode(), 3),
                    fixed(r.clinicianCostPerEpisode(), 3), Long.toString(r.evaluableSteps())));
            policyRates.put(r.ruleId(), nanToZero(r.policyViolationRate()));
            clinicianRates.put(r.ruleId(), nanToZero(r.clinicianViolationRate()));
        }
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        bars.put("policy", policyRates);
        bars.put("clinicians", clinicianRates);
        sections.add(new Section("Rules", List.of(
                new Table("Violation rate and expected cost per rule", List.of("Rule", "Weight", "Policy violations",
                        "Clinician violations", "Policy cost / episode", "Clinician cost / episode",
                        "Evaluable steps"), ruleRows),
                new Figure("rule-violations", "Share of evaluable steps violating each rule",
                        ReportCharts.groupedBars("Violation rate by rule", "share of steps", bars)))));
        List<ReportDocument.Block> guardian = new ArrayList<>();
        if (report.calibration() == null) {
            guardian.add(new Paragraph("No guardian was given: the out-of-support rate is unknown.", Tone.BAD));
        } else {
            guardian.add(new Table("Guardian calibration on held-out data", List.of("Target coverage",
                    "Measured coverage", "Held-out points", "Threshold"), List.of(List.of(
                    percent(report.calibration().targetCoverage()), percent(report.calibration().measuredCoverage()),
                    Integer.toString(report.calibration().heldOut()),
                    String.format(Locale.ROOT, "%.6g", report.calibration().threshold())))));
        }
        sections.add(new Section("Out-of-support recommendations", guardian));
        List<List<String>> worst = report.worstEpisodes().stream().map(w -> List.of(w.episodeId(),
                fixed(w.policyCost(), 2), fixed(w.clinicianCost(), 2), Integer.toString(w.policyViolatingSteps()),
                String.join(", ", w.rulesViolated()))).toList();
        sections.add(new Section("Worst episodes", List.of(worst.isEmpty()
                ? new Paragraph("No episode has a cost under the policy.")
                : new Table("Costliest episodes under the policy", List.of("Episode", "Policy cost", "Clinician cost",
                        "Violating steps", "Rules violated"), worst))));
        Side p = report.policy();
        return new ReportDocument(report.title(), String.format(Locale.ROOT,
                "Safety-constraint report · %s · normalised cost %.3f · OOD rate %s",
                report.verdict().pass() ? "PASS" : "FAIL", p.normalisedCost(), percent(p.oodRate())),
                provenance, sections);
    }

    private static Map<String, double[]> sides(double[] policy, double[] clinicians) {
        Map<String, double[]> sides = new LinkedHashMap<>();
        sides.put("policy", policy);
        sides.put("clinicians", clinicians);
        return sides;
    }

    private static List<String> row(String label, double policy, double clinicians, int digits) {
        return List.of(label, fixed(policy, digits), fixed(clinicians, digits));
    }

    private static List<String> percentRow(String label, double policy, double clinicians) {
        return List.of(label, percent(policy), percent(clinicians));
    }

    private static String fixed(double value, int digits) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String number(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
