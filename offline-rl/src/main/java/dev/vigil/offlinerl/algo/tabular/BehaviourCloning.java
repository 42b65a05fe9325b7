package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.DatasetRequirements;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tabular behaviour cloning ({@code bc}): smoothed action frequencies per state; states never logged get the
 * uniform policy and are listed in {@link FitReport#uniformStates()}.
 */
public final class BehaviourCloning implements OfflineAlgorithm<BcConfig> {

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public TrainedPolicy fit(TrajectoryDataset data, BcConfig config, TrainingListener listener) {
        if (config == null) {
            throw new IllegalArgumentException("'bc' needs a config; use BcConfig.defaults()");
        }
        DatasetRequirements.requireTabular(data, name(), false, false);
        TabularTransitions t = TabularTransitions.of(data, 0);
        double[][] p = new double[t.states][t.actions];
        List<Integer> uniform = new ArrayList<>();
        for (int s = 0; s < t.states; s++) {
            int n = t.stateVisits(s);
            if (n == 0) {
                uniform.add(s);
                java.util.Arrays.fill(p[s], 1.0 / t.actions);
                continue;
            }
            double denominator = n + t.actions * config.smoothing();
            for (int a = 0; a < t.actions; a++) {
                p[s][a] = (t.counts[s][a] + config.smoothing()) / denominator;
            }
        }
        Map<String, Double> summary = Map.of("steps", (double) t.size(), "unseenStates", (double) uniform.size());
        (listener == null ? TrainingListener.NONE : listener).onIteration(1, summary);
        return new TabularTrainedPolicy(new TabularPolicy(p), PolicyProvenance.of(name(), config, data, "none"),
                new FitReport(summary, uniform, List.of()));
    }
}
