package dev.vigil.offlinerl.algo;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;

/**
 * Checks a dataset against what an algorithm needs, before any training, so that a bad dataset fails in
 * milliseconds with a message that names the field instead of producing a meaningless policy.
 */
public final class DatasetRequirements {

    private DatasetRequirements() {
    }

    /**
     * Requires a non-empty dataset with discrete states and actions, and finite rewards and non-negative finite
     * costs when the algorithm reads them.
     *
     * @param algorithm the algorithm's name, used in messages
     * @throws IllegalArgumentException naming the dataset, field, episode and step at fault
     */
    public static void requireTabular(TrajectoryDataset data, String algorithm, boolean needsRewards,
            boolean needsCosts) {
        if (data == null) {
            throw new IllegalArgumentException("'" + algorithm + "' needs a dataset; got null");
        }
        String name = data.schema().name();
        if (data.episodes().isEmpty()) {
            throw new IllegalArgumentException("Dataset " + name + " is empty (no episodes); '" + algorithm
                    + "' needs at least one logged step: check the import filters or the cohort specification");
        }
        if (!data.schema().stateType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + name + " has continuous states (field 'stateType' = "
                    + data.schema().stateType() + "); '" + algorithm + "' is a tabular algorithm and needs discrete "
                    + "state ids: discretise the states (e.g. k-means clusters) and import with --state-type discrete,"
                    + " or choose an algorithm for continuous states");
        }
        if (!data.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + name + " has continuous actions (field 'actionType' = "
                    + data.schema().actionType() + "); '" + algorithm + "' is a tabular algorithm and needs discrete "
                    + "action ids: bin the doses (e.g. 5x5 quantile bins as in the AI Clinician) and import with "
                    + "--action-type discrete");
        }
        if (needsRewards && !data.schema().hasRewards()) {
            throw new IllegalArgumentException("Dataset " + name + " has no rewards (field 'reward'); '" + algorithm
                    + "' needs one reward per step: import a reward column or derive rewards from the outcome");
        }
        if (needsCosts && !data.schema().hasCosts()) {
            throw new IllegalArgumentException("Dataset " + name + " has no costs (field 'cost'); '" + algorithm
                    + "' needs one safety cost per step for its cost constraint: compute costs with a rule set "
                    + "(docs/safety-rules.md) before training");
        }
        for (Episode e : data.episodes()) {
            for (int t = 0; t < e.steps(); t++) {
                if (needsRewards && !Double.isFinite(e.reward(t))) {
                    throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                            + ": field 'reward' is " + e.reward(t) + "; rewards must be finite numbers");
                }
                if (needsCosts && !(Double.isFinite(e.cost(t)) && e.cost(t) >= 0)) {
                    throw new IllegalArgumentException("Dataset " + name + ", episode " + e.id() + ", step " + t
                            + ": field 'cost' is " + e.cost(t) + "; costs must be finite and non-negative (a violated"
                            + " rule costs its weight)");
                }
            }
        }
    }
}
