package dev.vigil.offlinerl.report;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.discretise.DoseBins;
import dev.vigil.offlinerl.discretise.StateClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tabular space the report evaluates in: off-policy evaluation estimates the clinicians' policy by counting
 * actions per state and fits FQE on a tabular model, so continuous states become cluster ids and continuous doses
 * joint dose-bin ids (the AI Clinician's discretisation). On discrete data both are the data's own ids.
 *
 * @param clusters maps raw states to ids, or null when the data's states are already ids
 * @param bins maps doses to joint ids and back, or null when the data's actions are already ids
 * @param stateCount number of state ids
 * @param actionCount number of joint action ids
 */
public record EvaluationSpace(StateClusters clusters, DoseBins bins, int stateCount, int actionCount) {

    public EvaluationSpace {
        if (clusters != null && clusters.k() != stateCount) {
            throw new IllegalArgumentException("The clusters have " + clusters.k() + " states, the space says "
                    + stateCount);
        }
        if (bins != null && bins.size() != actionCount) {
            throw new IllegalArgumentException("The dose bins have " + bins.size() + " ids, the space says "
                    + actionCount);
        }
        if (stateCount < 1 || actionCount < 1) {
            throw new IllegalArgumentException("An evaluation space needs at least one state and one action; got "
                    + stateCount + " and " + actionCount);
        }
    }

    /** A discretised policy's own clusters and dose bins: the space it was trained in. */
    public static EvaluationSpace of(DiscretisedPolicy policy) {
        return new EvaluationSpace(policy.clusters(), policy.bins(), policy.stateCount(), policy.actionCount());
    }

    /** The ids of a discrete dataset. */
    public static EvaluationSpace discrete(TrajectoryDataset data) {
        if (!data.schema().stateType().isDiscrete() || !data.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + data.schema().name() + " is not discrete: use "
                    + "EvaluationSpace.fit for continuous states and doses");
        }
        return new EvaluationSpace(null, null, data.schema().stateType().size(), data.schema().actionType().size());
    }

    /**
     * k-means states (seeded) and quartile dose bins fitted on a continuous dataset, for policies that bring no
     * discretisation of their own (continuous policies).
     *
     * @param k clusters, e.g. steps / 100 as {@code ogsrl} chooses
     */
    public static EvaluationSpace fit(TrajectoryDataset data, int k, long seed) {
        if (data.schema().stateType().isDiscrete() || data.schema().actionType().isDiscrete()) {
            throw new IllegalArgumentException("Dataset " + data.schema().name() + " has discrete states or actions: "
                    + "use EvaluationSpace.discrete");
        }
        List<double[]> rows = new ArrayList<>();
        for (Episode e : data.episodes()) {
            for (double[] row : ((ContinuousStates) e.states()).values()) {
                rows.add(row);
            }
        }
        StateClusters clusters = StateClusters.fit(rows.toArray(double[][]::new), Math.min(k, rows.size()), 50,
                new SplittableRandom(seed));
        DoseBins bins = DoseBins.fit(data);
        return new EvaluationSpace(clusters, bins, clusters.k(), bins.size());
    }

    /** The state id of step {@code t}. */
    int stateId(Episode e, int t) {
        if (clusters == null) {
            if (!(e.states() instanceof dev.vigil.ingestion.dataset.DiscreteStates s)) {
                throw new IllegalArgumentException("Episode " + e.id() + " has continuous states but the evaluation "
                        + "space has no clusters");
            }
            return s.id(t);
        }
        return clusters.assign(((ContinuousStates) e.states()).values()[t]);
    }

    /** The joint action id of step {@code t}. */
    int actionId(Episode e, int t) {
        if (bins == null) {
            if (!(e.actions() instanceof dev.vigil.ingestion.dataset.DiscreteActions a)) {
                throw new IllegalArgumentException("Episode " + e.id() + " has continuous actions but the evaluation "
                        + "space has no dose bins");
            }
            return a.id(t);
        }
        return bins.id(((ContinuousActions) e.actions()).values()[t]);
    }
}
