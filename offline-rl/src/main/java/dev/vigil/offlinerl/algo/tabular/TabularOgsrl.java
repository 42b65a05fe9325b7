package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.DatasetRequirements;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * OGSRL on a tabular CMDP ({@code ogsrl}): estimate the empirical CMDP, guard it with the data's support
 * ({@link GuardedCmdp}), and solve the safety-cost budget (and, in penalty mode, the OOD-share bound) with a
 * Lagrangian ({@link LagrangianSearch}). The paper (arXiv 2505.16242) is model-based with a density guardian
 * and CPO; the count-based guardian and the Lagrangian over exact value iteration are our tabular adaptation.
 */
public final class TabularOgsrl implements OfflineAlgorithm<OgsrlConfig> {

    @Override
    public String name() {
        return "ogsrl";
    }

    @Override
    public TrainedPolicy fit(TrajectoryDataset data, OgsrlConfig config, TrainingListener listener) {
        if (config == null) {
            throw new IllegalArgumentException("'ogsrl' needs a config; use OgsrlConfig.defaults()");
        }
        // Costs are optional: a dataset without a cost column (e.g. a tabular MDP imported from CSV) has cost 0
        // on every step, so only the guardian constrains the policy; the fit report says so.
        DatasetRequirements.requireTabular(data, name(), true, false);
        TabularTransitions t = TabularTransitions.of(data, config.cutOffAtHorizon() ? config.horizon() : 0);
        GuardedCmdp cmdp = new GuardedCmdp(t, config);
        LagrangianSearch search = new LagrangianSearch(cmdp, config,
                listener == null ? TrainingListener.NONE : listener);
        LagrangianSearch.Candidate chosen = search.run();
        double[][] p = new double[t.states][t.actions];
        for (int s = 0; s < t.states; s++) {
            int a = chosen.actions()[s];
            if (a < 0) {
                java.util.Arrays.fill(p[s], 1.0 / t.actions);
            } else {
                p[s][a] = 1;
            }
        }
        CmdpEvaluation e = chosen.evaluation();
        Map<String, Double> summary = new HashMap<>();
        summary.put("costsInData", data.schema().hasCosts() ? 1.0 : 0.0);
        summary.put("lambdaCost", chosen.lambdaCost());
        summary.put("lambdaOod", chosen.lambdaOod());
        summary.put("empiricalReturn", e.expectedReturn());
        summary.put("empiricalCost", e.expectedCost());
        summary.put("normalisedCost", LagrangianSearch.normalised(e.expectedCost(), config.costBudget()));
        summary.put("oodShare", e.oodShare());
        summary.put("feasible", chosen.feasible() ? 1.0 : 0.0);
        summary.put("supportThreshold", cmdp.supportThreshold);
        summary.put("supportedPairs", (double) cmdp.supportedPairs());
        summary.put("fallbackStates", (double) cmdp.fallbackStates.size());
        summary.put("unseenStates", (double) cmdp.unseenStates.size());
        summary.put("iterations", (double) search.iterations());
        return new TabularTrainedPolicy(new TabularPolicy(p),
                PolicyProvenance.of(name(), config, data, config.ruleSetVersion()),
                new FitReport(summary, cmdp.unseenStates, cmdp.fallbackStates));
    }
}
