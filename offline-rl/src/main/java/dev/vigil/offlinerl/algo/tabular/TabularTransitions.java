package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;

/**
 * A tabular dataset flattened into transitions, shape (N) per array: step i is
 * {@code (state[i], action[i], reward[i], cost[i]) -> next[i]}.
 *
 * <p>{@code next[i]} is the next step's state, {@link #END} when the step ended its episode, or {@link #CUT}
 * when its outcome is censored. A dataset cannot say which episodes were cut off at the horizon H (the patient
 * did not leave; what came next is unknown) and which ended there. Leaving out only the cut-off ones would
 * over-count endings, so, as {@code ope.EmpiricalModel} does, every step made at decision H-1 is censored,
 * whichever way its episode went: its reward still counts, its next state does not.
 */
final class TabularTransitions {

    /** {@code next[i]} of a step that ended its episode. */
    static final int END = -1;
    /** {@code next[i]} of a step at which its episode was cut off. */
    static final int CUT = -2;

    final int states;
    final int actions;
    final int[] state;
    final int[] action;
    final double[] reward;
    final double[] cost;
    final int[] next;
    final int[] firstStates;
    final int[][] counts;

    private TabularTransitions(int states, int actions, int n, int episodes) {
        this.states = states;
        this.actions = actions;
        this.state = new int[n];
        this.action = new int[n];
        this.reward = new double[n];
        this.cost = new double[n];
        this.next = new int[n];
        this.firstStates = new int[episodes];
        this.counts = new int[states][actions];
    }

    /**
     * @param cutOffHorizon the horizon H at which episodes were cut off (steps at decision H-1 are censored); 0
     *     when none were
     */
    static TabularTransitions of(TrajectoryDataset data, int cutOffHorizon) {
        int n = Math.toIntExact(data.totalSteps());
        TabularTransitions t = new TabularTransitions(data.schema().stateType().size(),
                data.schema().actionType().size(), n, data.episodes().size());
        int i = 0;
        int e = 0;
        for (Episode episode : data.episodes()) {
            DiscreteStates s = (DiscreteStates) episode.states();
            DiscreteActions a = (DiscreteActions) episode.actions();
            int steps = episode.steps();
            t.firstStates[e++] = s.id(0);
            for (int k = 0; k < steps; k++, i++) {
                t.state[i] = s.id(k);
                t.action[i] = a.id(k);
                t.reward[i] = episode.hasRewards() ? episode.reward(k) : 0;
                t.cost[i] = episode.hasCosts() ? episode.cost(k) : 0;
                boolean last = k == steps - 1;
                t.next[i] = k == cutOffHorizon - 1 ? CUT : !last ? s.id(k + 1) : END;
                t.counts[t.state[i]][t.action[i]]++;
            }
        }
        return t;
    }

    int size() {
        return state.length;
    }

    /** Visits of state s (all actions). */
    int stateVisits(int s) {
        int total = 0;
        for (int c : counts[s]) {
            total += c;
        }
        return total;
    }

    /** The most frequent logged action in s (lowest id among ties), or -1 when s was never logged. */
    int mostFrequentAction(int s) {
        int best = -1;
        for (int a = 0; a < actions; a++) {
            if (counts[s][a] > 0 && (best < 0 || counts[s][a] > counts[s][best])) {
                best = a;
            }
        }
        return best;
    }
}
