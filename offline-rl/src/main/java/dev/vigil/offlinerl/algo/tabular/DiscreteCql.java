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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Discrete CQL on a Q table ({@code cql}); the update is in {@link CqlUpdate}, the settings in {@link CqlConfig}. */
public final class DiscreteCql implements OfflineAlgorithm<CqlConfig> {

    @Override
    public String name() {
        return "cql";
    }

    @Override
    public TrainedPolicy fit(TrajectoryDataset data, CqlConfig config, TrainingListener listener) {
        return fitWithQ(data, config, listener).policy();
    }

    /**
     * The policy together with its Q table.
     *
     * @param q shape (S, A)
     */
    public record Fit(TabularTrainedPolicy policy, double[][] q) {
    }

    /** As {@link #fit}, also returning the learned Q table (for tests and diagnostics). */
    public Fit fitWithQ(TrajectoryDataset data, CqlConfig config, TrainingListener listener) {
        if (config == null) {
            throw new IllegalArgumentException("'cql' needs a config; use CqlConfig.defaults()");
        }
        DatasetRequirements.requireTabular(data, name(), true, false);
        TabularTransitions t = TabularTransitions.of(data, config.cutOffHorizon());
        double[] last = new double[2];
        TrainingListener sink = listener == null ? TrainingListener.NONE : listener;
        double[][] q = CqlUpdate.fit(t, config, (k, metrics) -> {
            last[0] = metrics.get("tdError");
            last[1] = metrics.get("cqlGap");
            sink.onIteration(k, metrics);
        });
        double[][] p = new double[t.states][t.actions];
        List<Integer> uniform = new ArrayList<>();
        for (int s = 0; s < t.states; s++) {
            if (t.stateVisits(s) == 0) {
                uniform.add(s);
                java.util.Arrays.fill(p[s], 1.0 / t.actions);
            } else if (config.policy() == PolicyForm.SOFTMAX) {
                CqlUpdate.softmaxRow(q[s], config.temperature(), p[s]);
            } else {
                greedy(q[s], p[s]);
            }
        }
        Map<String, Double> summary = new HashMap<>();
        summary.put("tdError", last[0]);
        summary.put("cqlGap", last[1]);
        summary.put("unseenStates", (double) uniform.size());
        TabularTrainedPolicy policy = new TabularTrainedPolicy(new TabularPolicy(p),
                PolicyProvenance.of(name(), config, data, "none"), new FitReport(summary, uniform, List.of()));
        return new Fit(policy, q);
    }

    private static void greedy(double[] q, double[] out) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : q) {
            best = Math.max(best, v);
        }
        int ties = 0;
        for (double v : q) {
            ties += v == best ? 1 : 0;
        }
        for (int a = 0; a < q.length; a++) {
            out[a] = q[a] == best ? 1.0 / ties : 0;
        }
    }
}
