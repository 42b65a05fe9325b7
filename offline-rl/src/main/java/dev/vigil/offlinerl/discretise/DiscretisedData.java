package dev.vigil.offlinerl.discretise;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.ArrayList;
import java.util.List;

/** Builds the tabular dataset tabular OGSRL trains on: cluster ids, joint bin ids, rewards and costs. */
final class DiscretisedData {

    private DiscretisedData() {
    }

    /** Every step's feature vector, shape (steps, features), NaN where missing and not held. */
    static double[][] stateRows(TrajectoryDataset data) {
        double[][] rows = new double[Math.toIntExact(data.totalSteps())][];
        int i = 0;
        for (Episode e : data.episodes()) {
            for (double[] row : ((ContinuousStates) e.states()).values()) {
                rows[i++] = row;
            }
        }
        return rows;
    }

    /**
     * @param clusters null when the states are already ids
     * @param bins null when the actions are already ids
     * @param costs one array per episode, or null for none
     * @param rewards one array per episode (the data's own or derived)
     */
    static TrajectoryDataset build(TrajectoryDataset data, StateClusters clusters, DoseBins bins,
            List<double[]> costs, List<double[]> rewards) {
        DatasetSchema in = data.schema();
        SpaceType states = clusters == null ? in.stateType() : SpaceType.discrete(clusters.k());
        SpaceType actions = bins == null ? in.actionType() : SpaceType.discrete(bins.size());
        DatasetSchema schema = new DatasetSchema(in.name() + ".discretised", states, List.of(), actions, List.of(),
                true, costs != null, in.cohortSpecId(), in.cohortSpecVersion(), in.blocLength());
        List<Episode> episodes = new ArrayList<>();
        for (int k = 0; k < data.episodes().size(); k++) {
            Episode e = data.episodes().get(k);
            episodes.add(new Episode(e.id(), stateIds(e, clusters), actionIds(e, bins), rewards.get(k),
                    costs == null ? null : costs.get(k), e.outcome(), null, List.of()));
        }
        return new TrajectoryDataset(schema, episodes);
    }

    private static DiscreteStates stateIds(Episode e, StateClusters clusters) {
        if (clusters == null) {
            return (DiscreteStates) e.states();
        }
        double[][] values = ((ContinuousStates) e.states()).values();
        int[] ids = new int[values.length];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = clusters.assign(values[t]);
        }
        return new DiscreteStates(ids);
    }

    private static DiscreteActions actionIds(Episode e, DoseBins bins) {
        if (bins == null) {
            return (DiscreteActions) e.actions();
        }
        double[][] values = ((ContinuousActions) e.actions()).values();
        int[] ids = new int[values.length];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = bins.id(values[t]);
        }
        return new DiscreteActions(ids);
    }
}
