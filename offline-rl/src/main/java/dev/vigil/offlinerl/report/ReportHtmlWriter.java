package dev.vigil.offlinerl.report;

import dev.vigil.offlinerl.report.EvaluationReport.CandidateBound;
import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessBin;
import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessCurve;
import dev.vigil.offlinerl.report.EvaluationReport.OodRates;
import dev.vigil.offlinerl.report.EvaluationReport.OpeRow;
import dev.vigil.offlinerl.report.EvaluationReport.OpeTable;
import dev.vigil.offlinerl.report.EvaluationReport.RewardCostPoint;
import dev.vigil.offlinerl.report.EvaluationReport.RuleCost;
import dev.vigil.offlinerl.report.EvaluationReport.RunInfo;
import dev.vigil.offlinerl.report.chart.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an {@link EvaluationReport} as one self-contained HTML file: inline CSS, figures as base64 PNG data URIs,
 * no script and no network reference. Every text from the report (run name, metric, rule and action names, notes) is
 * HTML-escaped.
 */
public final class ReportHtmlWriter {

    private static final String CSS = "body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}"
            + "h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;"
            + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}figure{margin:1em 0}"
            + "figcaption{font-size:.9em;color:#555}.note{background:#fff6e0;border-left:4px solid #e6a000;"
            + "padding:.4em .8em;margin:.3em 0}code{font-size:.9em}";

    /** The figures of the report by name (see {@link ReportFigures}), e.g. for a PDF. */
    public Map<String, Figure> figures(EvaluationReport report) {
        return ReportFigures.of(report);
    }

    /** Writes the HTML to {@code file} (UTF-8). */
    public void write(EvaluationReport report, Path file) {
        try {
            Files.writeString(file, html(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evaluation report to " + file, e);
        }
    }

    public String html(EvaluationReport report) {
        Map<String, Figure> figures = figures(report);
        StringBuilder b = new StringBuilder(1 << 16);
        String title = "Evaluation report: " + (report.runName().isBlank() ? report.run().algorithm()
                : report.runName());
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
                .append("style-src 'unsafe-inline'\"><title>").append(escape(title)).append("</title><style>")
                .append(CSS).append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        b.append("<p>").append(escape(EvaluationReport.FORMAT)).append(" version ").append(report.formatVersion())
                .append(". Shown checkpoint: <b>").append(escape(report.checkpoint().selection()))
                .append("</b>, iteration ").append(report.checkpoint().iteration()).append(".</p>\n");
        notes(b, report.notes());
        run(b, report.run());
        checkpoint(b, report);
        section(b, "learning-curves", "Learning curves");
        if (report.learningCurves().isEmpty()) {
            b.append("<p>No metrics were recorded.</p>\n");
        }
        figures.values().stream().filter(f -> f.name().startsWith("learning-curve-")).forEach(f -> figure(b, f));
        ope(b, report.ope());
        rewardCost(b, report, figures);
        ood(b, report.ood(), figures);
        section(b, "actions", "Clinician versus policy actions");
        if (report.actions() == null) {
            b.append("<p>Not available for this action space.</p>\n");
        } else {
            b.append("<p>Rows: ").append(escape(report.actions().rowAction())).append(" bin; columns: ")
                    .append(escape(report.actions().columnAction())).append(" bin (0 = none).</p>\n");
            for (String name : List.of("actions-clinicians", "actions-policy", "actions-confusion")) {
                figure(b, figures.get(name));
            }
        }
        doseExcess(b, report.doseExcess(), figures);
        ruleCosts(b, report.ruleCosts());
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void run(StringBuilder b, RunInfo r) {
        section(b, "run", "Run and provenance");
        b.append("<table>");
        row(b, "algorithm", r.algorithm());
        row(b, "config SHA-256", r.configSha256());
        row(b, "dataset", r.datasetName());
        row(b, "dataset SHA-256", r.datasetSha256());
        row(b, "rule set", r.ruleSetVersion());
        row(b, "code version", r.codeVersion());
        row(b, "episodes / steps", r.episodes() + " / " + r.steps());
        row(b, "seed", Long.toString(r.seed()));
        b.append("</table>\n");
    }

    private static void checkpoint(StringBuilder b, EvaluationReport report) {
        section(b, "checkpoint", "Checkpoint shown");
        b.append("<p>Selection: <b>").append(escape(report.checkpoint().selection())).append("</b>; candidates ranked by ")
                .append("the one-sided bootstrap lower bound of ")
                .append(escape(report.checkpoint().selectionEstimator())).append(".</p>\n<table><tr><th>iteration</th>")
                .append("<th>").append(escape(report.checkpoint().selectionEstimator())).append("</th>")
                .append("<th>lower bound</th><th class=\"l\">shown</th></tr>");
        for (CandidateBound c : report.checkpoint().candidates()) {
            b.append("<tr><td>").append(c.iteration()).append("</td><td>").append(num(c.estimate())).append("</td><td>")
                    .append(num(c.lowerBound())).append("</td><td class=\"l\">")
                    .append(c.iteration() == report.checkpoint().iteration() ? "&#10003;" : "").append("</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void ope(StringBuilder b, OpeTable ope) {
        section(b, "ope", "Off-policy evaluation");
        b.append("<p>Undiscounted return (").append(escape(ope.rewardSource())).append(" rewards) on ")
                .append(ope.onDiscretisedData() ? "discretised data" : "the data's own states and actions").append(", ")
                .append(ope.stateCount()).append(" states x ").append(ope.actionCount()).append(" actions; ")
                .append(pct(ope.confidenceLevel())).append(" percentile bootstrap, B = ").append(ope.bootstrapReplicates())
                .append("; clinicians' policy floored at ").append(num(ope.epsilonFloor())).append(" (")
                .append(ope.flooredPairs()).append(" pairs).</p>\n<table><tr><th class=\"l\">policy</th>")
                .append("<th class=\"l\">estimator</th><th>estimate</th><th>CI low</th><th>CI high</th>")
                .append("<th>lower bound</th><th>ESS</th></tr>");
        opeRows(b, "policy", ope.policy());
        opeRows(b, "clinicians", ope.clinicians());
        b.append("</table>\n");
    }

    private static void opeRows(StringBuilder b, String who, List<OpeRow> rows) {
        for (OpeRow r : rows) {
            b.append("<tr><td class=\"l\">").append(escape(who)).append("</td><td class=\"l\">")
                    .append(escape(r.estimator())).append("</td><td>").append(num(r.estimate())).append("</td><td>")
                    .append(num(r.lower())).append("</td><td>").append(num(r.upper())).append("</td><td>")
                    .append(num(r.lowerBound())).append("</td><td>").append(num(r.effectiveSampleSize()))
                    .append("</td></tr>");
        }
    }

    private static void rewardCost(StringBuilder b, EvaluationReport report, Map<String, Figure> figures) {
        section(b, "reward-vs-cost", "Return versus cost");
        if (report.rewardVersusCost().points().isEmpty()) {
            b.append("<p>No costs available.</p>\n");
            return;
        }
        figure(b, figures.get("reward-vs-cost"));
        b.append("<table><tr><th class=\"l\">point</th><th>return (WIS)</th><th>cost (WIS)</th>")
                .append("<th class=\"l\">within budget ").append(num(report.rewardVersusCost().budget()))
                .append("</th></tr>");
        for (RewardCostPoint p : report.rewardVersusCost().points()) {
            b.append("<tr><td class=\"l\">").append(escape(p.label())).append("</td><td>").append(num(p.reward()))
                    .append("</td><td>").append(num(p.cost())).append("</td><td class=\"l\">")
                    .append(p.withinBudget() ? "yes" : "no").append("</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void ood(StringBuilder b, OodRates ood, Map<String, Figure> figures) {
        section(b, "ood", "Out-of-distribution rate");
        if (ood == null) {
            b.append("<p>No guardian was given.</p>\n");
            return;
        }
        figure(b, figures.get("ood-rates"));
        b.append("<table>");
        row(b, "guardian", ood.guardian());
        row(b, "threshold", num(ood.threshold()));
        row(b, "calibration coverage (target / measured)", num(ood.targetCoverage()) + " / "
                + num(ood.measuredCoverage()));
        row(b, "steps judged", Long.toString(ood.steps()));
        row(b, "policy OOD rate", num(ood.policyRate()));
        row(b, "clinician OOD rate", num(ood.clinicianRate()));
        b.append("</table>\n");
    }

    private static void doseExcess(StringBuilder b, List<DoseExcessCurve> curves, Map<String, Figure> figures) {
        section(b, "dose-excess", "Outcome versus dose excess");
        if (curves.isEmpty()) {
            b.append("<p>Not available: the data or the policy has no doses.</p>\n");
        }
        for (DoseExcessCurve c : curves) {
            figure(b, figures.get("dose-excess-" + ReportFigures.slug(c.action())));
            b.append("<table><tr><th>excess from</th><th>to</th><th>steps</th><th>deaths</th><th>mortality</th></tr>");
            for (DoseExcessBin bin : c.bins()) {
                b.append("<tr><td>").append(num(bin.lower())).append("</td><td>").append(num(bin.upper()))
                        .append("</td><td>").append(bin.steps()).append("</td><td>").append(bin.deaths())
                        .append("</td><td>").append(num(bin.mortality())).append("</td></tr>");
            }
            b.append("</table>\n");
        }
    }

    private static void ruleCosts(StringBuilder b, List<RuleCost> costs) {
        section(b, "rule-costs", "Expected cost per rule and episode");
        if (costs.isEmpty()) {
            b.append("<p>No costs available.</p>\n");
            return;
        }
        b.append("<table><tr><th class=\"l\">rule</th><th>weight</th><th>clinicians</th><th>policy (WIS)</th></tr>");
        for (RuleCost c : costs) {
            b.append("<tr><td class=\"l\">").append(escape(c.rule())).append("</td><td>").append(num(c.weight()))
                    .append("</td><td>").append(num(c.clinicians())).append("</td><td>").append(num(c.policy()))
                    .append("</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void notes(StringBuilder b, List<String> notes) {
        section(b, "notes", "Notes");
        for (String n : notes) {
            b.append("<div class=\"note\">").append(escape(n)).append("</div>\n");
        }
    }

    private static void section(StringBuilder b, String id, String title) {
        b.append("<h2 id=\"").append(id).append("\">").append(escape(title)).append("</h2>\n");
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th class=\"l\">").append(escape(key)).append("</th><td class=\"l\"><code>")
                .append(escape(value)).append("</code></td></tr>");
    }

    private static void figure(StringBuilder b, Figure f) {
        if (f == null) {
            return;
        }
        b.append("<figure id=\"figure-").append(f.name()).append("\"><img alt=\"").append(escape(f.title()))
                .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height())
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png()))
                .append("\"><figcaption>").append(escape(f.title())).append("</figcaption></figure>\n");
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "&ndash;";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "&infin;" : "-&infin;";
        }
        if (Math.abs(v) >= 1000 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        // 0.01000 -> 0.01; exponent forms are left alone.
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    /** Escapes text for HTML element content and quoted attributes (the report module's one escaper). */
    static String escape(String text) {
        return dev.vigil.safety.report.HtmlReportWriter.escape(text);
    }
}
