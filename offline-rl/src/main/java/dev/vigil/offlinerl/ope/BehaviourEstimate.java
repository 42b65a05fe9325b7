package dev.vigil.offlinerl.ope;

import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.util.List;

/**
 * The behaviour policy estimated from counts, with what the epsilon floor changed, for reports.
 *
 * @param policy the softened estimate, shape (S, A)
 * @param counts shape (S, A): how often each action was logged in each state
 * @param epsilonFloor the probability each unseen action of a seen state got
 * @param floored the (state, action) pairs that got the floor, by state then action
 * @param unseenStates states never logged, which got uniform rows (no logged step uses them)
 */
public record BehaviourEstimate(TabularPolicy policy, int[][] counts, double epsilonFloor, List<FlooredAction> floored,
        List<Integer> unseenStates) {

    public BehaviourEstimate {
        if (policy == null || counts == null) {
            throw new IllegalArgumentException("A behaviour estimate needs the policy and the counts");
        }
        int[][] copy = new int[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            copy[s] = counts[s].clone();
        }
        counts = copy;
        floored = List.copyOf(floored);
        unseenStates = List.copyOf(unseenStates);
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            copy[s] = counts[s].clone();
        }
        return copy;
    }

    /** Number of floored pairs, for a report line such as "312 state-actions floored at 0.01". */
    public int flooredCount() {
        return floored.size();
    }
}
