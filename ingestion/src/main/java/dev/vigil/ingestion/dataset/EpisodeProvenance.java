package dev.vigil.ingestion.dataset;

import java.time.Instant;
import java.util.List;

/**
 * Which source resources each step of an episode was computed from.
 *
 * @param anchor the anchor instant (UTC) the window was placed around
 * @param start the start of step 0 (UTC); step {@code t} spans {@code start + t * blocLength} onwards
 * @param resources the episode's resource references ({@code Type/id}), each once
 * @param stepResources shape (steps, *): for each step, indexes into {@code resources}, ascending
 */
public record EpisodeProvenance(Instant anchor, Instant start, List<String> resources, int[][] stepResources) {

    public EpisodeProvenance {
        if (anchor == null || start == null) {
            throw new IllegalArgumentException("Provenance needs the anchor and start instants");
        }
        resources = List.copyOf(resources);
        int[][] copy = new int[stepResources.length][];
        for (int t = 0; t < stepResources.length; t++) {
            copy[t] = stepResources[t].clone();
            for (int i = 0; i < copy[t].length; i++) {
                int index = copy[t][i];
                if (index < 0 || index >= resources.size() || (i > 0 && index <= copy[t][i - 1])) {
                    throw new IllegalArgumentException("Step " + t + " of the provenance lists resource index " + index
                            + ": indexes must be ascending and below " + resources.size());
                }
            }
        }
        stepResources = copy;
    }

    /** Number of steps. */
    public int steps() {
        return stepResources.length;
    }

    /** The resources step {@code t} came from, e.g. {@code [Observation/hr-1, Observation/hr-2]}. */
    public List<String> resourcesOf(int t) {
        int[] indexes = stepResources[t];
        String[] names = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            names[i] = resources.get(indexes[i]);
        }
        return List.of(names);
    }

    /** A copy of the per-step indexes. */
    @Override
    public int[][] stepResources() {
        int[][] copy = new int[stepResources.length][];
        for (int t = 0; t < stepResources.length; t++) {
            copy[t] = stepResources[t].clone();
        }
        return copy;
    }

    int[] indexesOf(int t) {
        return stepResources[t];
    }
}
