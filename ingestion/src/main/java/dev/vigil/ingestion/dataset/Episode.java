package dev.vigil.ingestion.dataset;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One patient's trajectory: a state and an action per step, optionally a reward and a cost per step, the
 * outcome, and where the numbers came from. The last step is terminal.
 *
 * <p>Arrays are copied in and out. Like every record holding arrays, {@code equals} compares them by
 * identity: compare datasets by {@link TrajectoryDataset#contentHash()}.
 *
 * @param id the episode's id, e.g. the FHIR Patient id; printable, without commas, quotes or white space
 * @param states shape (steps, ...)
 * @param actions shape (steps, ...)
 * @param rewards shape (steps), or null when the dataset has no rewards
 * @param costs shape (steps), non-negative, or null when the dataset has no costs
 * @param outcome null when unknown (e.g. imported from a CSV without outcome columns)
 * @param provenance null when unknown (e.g. imported from CSV)
 * @param imaging links to the patient's image files; empty when none
 */
public record Episode(String id, States states, Actions actions, double[] rewards, double[] costs, Outcome outcome,
        EpisodeProvenance provenance, List<ImagingLink> imaging) {

    private static final Pattern ID = Pattern.compile("[^,\"\\s]{1,256}");

    public Episode {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Episode id '" + id + "' is not allowed: use 1-256 printable characters "
                    + "without commas, quotes or white space");
        }
        if (states == null || actions == null) {
            throw new IllegalArgumentException("Episode " + id + " needs states and actions");
        }
        int steps = states.steps();
        if (steps == 0) {
            throw new IllegalArgumentException("Episode " + id + " has no steps; an episode has at least one");
        }
        if (actions.steps() != steps) {
            throw new IllegalArgumentException("Episode " + id + " has " + steps + " states but " + actions.steps()
                    + " actions; give one action per step");
        }
        rewards = checkedColumn(rewards, steps, id, "reward");
        costs = checkedColumn(costs, steps, id, "cost");
        if (costs != null) {
            for (int t = 0; t < steps; t++) {
                if (costs[t] < 0) {
                    throw new IllegalArgumentException("Episode " + id + ", step " + t + " has a negative cost: costs "
                            + "are non-negative (a violated rule costs its weight)");
                }
            }
        }
        if (provenance != null && provenance.steps() != steps) {
            throw new IllegalArgumentException("Episode " + id + " has " + steps + " steps but provenance for "
                    + provenance.steps());
        }
        imaging = imaging == null ? List.of() : List.copyOf(imaging);
    }

    /** Number of steps. */
    public int steps() {
        return states.steps();
    }

    /** Whether step {@code t} ends the episode (only the last one does). */
    public boolean terminal(int t) {
        return t == steps() - 1;
    }

    /** A copy of the rewards, or null. */
    @Override
    public double[] rewards() {
        return Arrays2.copyOrNull(rewards);
    }

    /** A copy of the costs, or null. */
    @Override
    public double[] costs() {
        return Arrays2.copyOrNull(costs);
    }

    /** The reward of step {@code t}; only when the dataset has rewards. */
    public double reward(int t) {
        return rewards[t];
    }

    /** The cost of step {@code t}; only when the dataset has costs. */
    public double cost(int t) {
        return costs[t];
    }

    /** Whether the episode carries rewards. */
    public boolean hasRewards() {
        return rewards != null;
    }

    /** Whether the episode carries costs. */
    public boolean hasCosts() {
        return costs != null;
    }

    private static double[] checkedColumn(double[] values, int steps, String id, String what) {
        if (values == null) {
            return null;
        }
        if (values.length != steps) {
            throw new IllegalArgumentException("Episode " + id + " has " + steps + " steps but " + values.length + " "
                    + what + "s");
        }
        for (int t = 0; t < steps; t++) {
            if (!Double.isFinite(values[t])) {
                throw new IllegalArgumentException("Episode " + id + ", step " + t + " has a " + what + " that is not "
                        + "finite");
            }
        }
        return values.clone();
    }
}
