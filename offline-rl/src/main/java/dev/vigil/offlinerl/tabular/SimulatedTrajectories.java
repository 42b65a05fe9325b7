package dev.vigil.offlinerl.tabular;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.Set;

/**
 * Simulated episodes and which of them were cut off by {@code maxSteps} rather than ended by an absorbing
 * state: a dataset cannot say which, and fitted-Q evaluation must not treat a cut-off as a termination.
 *
 * @param dataset discrete states and actions, with rewards
 * @param truncatedEpisodeIds ids of the episodes cut off at maxSteps
 */
public record SimulatedTrajectories(TrajectoryDataset dataset, Set<String> truncatedEpisodeIds) {

    public SimulatedTrajectories {
        if (dataset == null) {
            throw new IllegalArgumentException("Simulated trajectories need a dataset");
        }
        truncatedEpisodeIds = Set.copyOf(truncatedEpisodeIds);
    }
}
