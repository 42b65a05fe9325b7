package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.tabular.TabularPolicy;

/**
 * A trained policy held as a table.
 *
 * @param table pi(a | s), shape (S, A)
 */
public record TabularTrainedPolicy(TabularPolicy table, PolicyProvenance provenance, FitReport report)
        implements TrainedPolicy {

    public TabularTrainedPolicy {
        if (table == null || provenance == null || report == null) {
            throw new IllegalArgumentException("A trained policy needs its table, provenance and report");
        }
    }

    @Override
    public int stateCount() {
        return table.stateCount();
    }

    @Override
    public int actionCount() {
        return table.actionCount();
    }

    @Override
    public double[] actionProbabilities(int state) {
        if (state < 0 || state >= table.stateCount()) {
            throw new IllegalArgumentException("State " + state + " is out of range: the policy has states 0.."
                    + (table.stateCount() - 1));
        }
        return table.row(state);
    }
}
