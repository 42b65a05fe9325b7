package dev.vigil.offlinerl.report;

import dev.vigil.offlinerl.ope.Bootstrap;
import dev.vigil.offlinerl.ope.BootstrapConfig;
import dev.vigil.offlinerl.ope.BootstrapInterval;
import dev.vigil.offlinerl.ope.FittedQEvaluation;
import dev.vigil.offlinerl.ope.FqeFit;
import dev.vigil.offlinerl.ope.LoggedEpisode;
import dev.vigil.offlinerl.ope.OpeDataset;
import dev.vigil.offlinerl.ope.OpeEstimator;
import dev.vigil.offlinerl.ope.OpeResult;
import dev.vigil.offlinerl.ope.WeightedDoublyRobust;
import dev.vigil.offlinerl.ope.WeightedImportanceSampling;
import dev.vigil.offlinerl.ope.WeightedPerDecisionImportanceSampling;
import dev.vigil.offlinerl.report.EvaluationReport.OpeRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy's off-policy estimates on the report data (undiscounted): WIS, WPDIS, FQE and WDR of the return with
 * bootstrap intervals, and WIS of the cost per episode, in total and per rule.
 *
 * <p>Tabular FQE needs an evaluation policy that depends on the state id only. A continuous policy's probabilities
 * vary between logged steps of one cluster, so FQE is fitted (and estimated) with each state's probabilities
 * averaged over its logged steps; WDR then uses that Q with the per-step probabilities. For tabular policies the
 * average is the row itself.
 */
record PolicyEstimates(String name, Map<String, BootstrapInterval> intervals, Map<String, Double> ess,
        double cost, double[] ruleCosts, int unsupportedPairs) {

    static final List<String> ESTIMATORS = List.of("WIS", "WPDIS", "FQE", "WDR");

    static PolicyEstimates of(PolicyTrace trace, ReportData data, BootstrapConfig bootstrap) {
        OpeDataset perStep = dataset(trace, data, data.rewards, false);
        OpeDataset averaged = dataset(trace, data, data.rewards, true);
        int horizon = perStep.maxSteps();
        FittedQEvaluation fqe = FittedQEvaluation.finiteHorizon(horizon, 1.0);
        FqeFit fit = fqe.fit(averaged);
        Map<OpeEstimator, OpeDataset> estimators = new LinkedHashMap<>();
        estimators.put(new WeightedImportanceSampling(1.0), perStep);
        estimators.put(new WeightedPerDecisionImportanceSampling(1.0), perStep);
        estimators.put(fqe, averaged);
        estimators.put(new WeightedDoublyRobust(1.0, fit.q().at(averaged)), perStep);
        Bootstrap intervals = new Bootstrap(bootstrap);
        Map<String, BootstrapInterval> out = new LinkedHashMap<>();
        Map<String, Double> ess = new LinkedHashMap<>();
        for (Map.Entry<OpeEstimator, OpeDataset> e : estimators.entrySet()) {
            OpeResult result = e.getKey().estimate(e.getValue());
            out.put(result.estimator(), intervals.interval(result));
            ess.put(result.estimator(), result.effectiveSampleSize());
        }
        double cost = Double.NaN;
        double[] perRule = new double[data.ruleIds.size()];
        if (!data.ruleIds.isEmpty()) {
            List<double[]> totals = new ArrayList<>();
            for (int i = 0; i < data.episodes(); i++) {
                totals.add(data.totalCosts(i));
            }
            cost = wis(trace, data, totals);
            for (int r = 0; r < perRule.length; r++) {
                List<double[]> rule = new ArrayList<>();
                for (int i = 0; i < data.episodes(); i++) {
                    rule.add(data.ruleCosts(i, r));
                }
                perRule[r] = wis(trace, data, rule);
            }
        }
        return new PolicyEstimates(trace.name(), out, ess, cost, perRule, fit.unsupportedPairs());
    }

    List<OpeRow> rows() {
        List<OpeRow> rows = new ArrayList<>();
        for (String name : ESTIMATORS) {
            BootstrapInterval i = intervals.get(name);
            rows.add(new OpeRow(name, i.estimate(), i.lower(), i.upper(), i.lowerBound(), ess.get(name)));
        }
        return rows;
    }

    double estimate(String estimator) {
        return intervals.get(estimator).estimate();
    }

    private static double wis(PolicyTrace trace, ReportData data, List<double[]> values) {
        return new WeightedImportanceSampling(1.0).estimate(dataset(trace, data, values, false)).estimate();
    }

    /** The logged episodes with {@code values} as rewards; per-state averaged probabilities when asked. */
    static OpeDataset dataset(PolicyTrace trace, ReportData data, List<double[]> values, boolean averagePerState) {
        int actions = data.space.actionCount();
        double[][] mean = null;
        if (averagePerState) {
            mean = new double[data.space.stateCount()][actions];
            int[] visits = new int[data.space.stateCount()];
            for (int i = 0; i < data.episodes(); i++) {
                LoggedStep[] steps = data.steps.get(i);
                for (int t = 0; t < steps.length; t++) {
                    int s = steps[t].stateId();
                    visits[s]++;
                    for (int a = 0; a < actions; a++) {
                        mean[s][a] += trace.probabilities()[i][t][a];
                    }
                }
            }
            for (int s = 0; s < mean.length; s++) {
                for (int a = 0; a < actions && visits[s] > 0; a++) {
                    mean[s][a] /= visits[s];
                }
            }
        }
        List<LoggedEpisode> episodes = new ArrayList<>();
        for (int i = 0; i < data.episodes(); i++) {
            LoggedStep[] steps = data.steps.get(i);
            int[] s = new int[steps.length];
            int[] a = new int[steps.length];
            double[] b = new double[steps.length];
            double[][] pe = new double[steps.length][];
            for (int t = 0; t < steps.length; t++) {
                s[t] = steps[t].stateId();
                a[t] = steps[t].actionId();
                b[t] = data.behaviour.policy().probability(s[t], a[t]);
                pe[t] = averagePerState ? mean[s[t]] : trace.probabilities()[i][t];
            }
            String id = data.data.episodes().get(i).id();
            episodes.add(new LoggedEpisode(id, s, a, values.get(i), b, pe, data.truncated.contains(id)));
        }
        return new OpeDataset(actions, data.space.stateCount(), episodes);
    }
}
