package dev.vigil.offlinerl.ope;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Logged episodes with the behaviour and evaluation probabilities of every step.
 *
 * @param actionCount A, the number of discrete actions
 * @param stateCount the number of tabular states, or 0 when states are not tabular (then fitted-Q evaluation
 *     needs another model)
 * @param episodes at least one
 */
public record OpeDataset(int actionCount, int stateCount, List<LoggedEpisode> episodes) {

    public OpeDataset {
        if (actionCount < 1 || stateCount < 0) {
            throw new IllegalArgumentException("An OPE dataset needs at least 1 action and a state count >= 0 (0 when "
                    + "states are not tabular); got " + actionCount + " actions, " + stateCount + " states");
        }
        if (episodes == null || episodes.isEmpty()) {
            throw new IllegalArgumentException("An OPE dataset needs at least one episode");
        }
        episodes = List.copyOf(episodes);
        Set<String> ids = new HashSet<>();
        for (LoggedEpisode e : episodes) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("Two episodes have the id " + e.id());
            }
            if (e.actionCount() != actionCount) {
                throw new IllegalArgumentException("Episode " + e.id() + " has " + e.actionCount() + " evaluation "
                        + "probabilities per step; the dataset has " + actionCount + " actions");
            }
            for (int t = 0; t < e.steps(); t++) {
                int s = e.state(t);
                if (stateCount > 0 ? s < 0 || s >= stateCount : s != -1) {
                    throw new IllegalArgumentException("Episode " + e.id() + ", step " + t + " has state " + s + "; "
                            + (stateCount > 0 ? "tabular states are 0.." + (stateCount - 1) : "use -1 when states are "
                                    + "not tabular"));
                }
            }
        }
    }

    /** Number of episodes n. */
    public int size() {
        return episodes.size();
    }

    /** The longest episode's number of steps. */
    public int maxSteps() {
        int max = 0;
        for (LoggedEpisode e : episodes) {
            max = Math.max(max, e.steps());
        }
        return max;
    }

    /** Whether states are tabular ids. */
    public boolean isTabular() {
        return stateCount > 0;
    }
}
