package dev.vigil.offlinerl.report;

import dev.vigil.offlinerl.report.EvaluationReport.ActionHeatMaps;
import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessBin;
import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessCurve;
import dev.vigil.offlinerl.report.EvaluationReport.RewardCostPoint;
import dev.vigil.offlinerl.report.chart.Charts;
import dev.vigil.offlinerl.report.chart.Charts.LabelledPoint;
import dev.vigil.offlinerl.report.chart.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's figures, by name: {@code learning-curve-<metric>} per metric, {@code reward-vs-cost},
 * {@code ood-rates}, {@code actions-clinicians}, {@code actions-policy}, {@code actions-confusion} and
 * {@code dose-excess-<action>} per dose. A figure whose data the report lacks is left out.
 */
public final class ReportFigures {

    static final int WIDTH = 720;
    static final int HEIGHT = 420;
    static final int SQUARE = 480;

    private ReportFigures() {
    }

    public static Map<String, Figure> of(EvaluationReport report) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        report.learningCurves().forEach((metric, points) -> {
            double[][] xy = points.stream().map(p -> new double[] {p.iteration(), p.value()}).toArray(double[][]::new);
            Map<String, double[][]> series = new LinkedHashMap<>();
            series.put(metric, xy);
            add(figures, Charts.lines("learning-curve-" + slug(metric), "Learning curve: " + metric, "iteration",
                    metric, series, WIDTH, HEIGHT));
        });
        if (!report.rewardVersusCost().points().isEmpty()) {
            List<LabelledPoint> points = new ArrayList<>();
            for (RewardCostPoint p : report.rewardVersusCost().points()) {
                points.add(new LabelledPoint(p.kind(), p.cost(), p.reward()));
            }
            add(figures, Charts.scatter("reward-vs-cost", "Return versus cost per episode (WIS)",
                    "cost per episode", "return per episode", points, report.rewardVersusCost().budget(),
                    "budget " + report.rewardVersusCost().budget(), WIDTH, HEIGHT));
        }
        if (report.ood() != null) {
            add(figures, Charts.bars("ood-rates", "Out-of-distribution rate (" + report.ood().guardian() + ")",
                    "share of logged steps", List.of("OOD rate"), List.of("policy", "clinicians"),
                    new double[][] {{report.ood().policyRate(), report.ood().clinicianRate()}}, WIDTH, HEIGHT));
        }
        ActionHeatMaps a = report.actions();
        if (a != null) {
            add(figures, Charts.heatMap("actions-clinicians", "Clinicians' actions (steps)", a.rowAction() + " bin",
                    a.columnAction() + " bin", toDouble(a.clinician()), SQUARE, SQUARE));
            add(figures, Charts.heatMap("actions-policy", "Policy's recommended actions (steps)",
                    a.rowAction() + " bin", a.columnAction() + " bin", toDouble(a.policy()), SQUARE, SQUARE));
            add(figures, Charts.heatMap("actions-confusion", "Clinician action -> policy action (steps)",
                    "clinician joint id", "policy joint id", toDouble(a.confusion()), SQUARE + 80, SQUARE));
        }
        for (DoseExcessCurve curve : report.doseExcess()) {
            double[][] xy = curve.bins().stream().map(b -> new double[] {centre(b), b.mortality()})
                    .toArray(double[][]::new);
            Map<String, double[][]> series = new LinkedHashMap<>();
            series.put("mortality", xy);
            add(figures, Charts.lines("dose-excess-" + slug(curve.action()), "Mortality versus " + curve.action()
                    + " given minus recommended", "excess (" + curve.unit() + ")", "mortality", series, WIDTH,
                    HEIGHT));
        }
        return figures;
    }

    /** Lower-case letters, digits and dashes only: safe in file names and HTML ids. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "unnamed" : s;
    }

    private static double centre(DoseExcessBin b) {
        return (b.lower() + b.upper()) / 2;
    }

    private static void add(Map<String, Figure> figures, Figure f) {
        figures.put(f.name(), f);
    }

    private static double[][] toDouble(long[][] counts) {
        double[][] v = new double[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            v[r] = new double[counts[r].length];
            for (int c = 0; c < counts[r].length; c++) {
                v[r][c] = counts[r][c];
            }
        }
        return v;
    }
}
