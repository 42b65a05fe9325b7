package dev.vigil.offlinerl.algo.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The guarded empirical CMDP OGSRL plans in, estimated from the data by maximum likelihood.
 *
 * <p>States {@code 0..S-1} are the dataset's; {@link #terminal} (= S) is where ended episodes go (worth 0);
 * {@link #sink} (= S+1) is where a pair never logged leads in penalty mode: nothing is known about it, so, as
 * in the released OGSRL code's model rollouts, the episode is frozen there for its remaining steps, each an
 * OOD step costing {@code oodPenalty}.
 *
 * <p>Per pair: {@code reward} = mean logged reward minus {@code oodPenalty} when OOD in penalty mode (the
 * paper's OOD-penalised model reward), {@code cost} = mean logged cost, {@code ood} = 1 when logged fewer than
 * {@link #supportThreshold} times. {@code allowed[s]} lists the actions the planner may take: every action in penalty mode; in
 * forbid mode the in-support ones, or the behaviour's most frequent action when none is (a fallback).
 */
final class GuardedCmdp {

    final int states;
    final int actions;
    final int terminal;
    final int sink;
    final int[][] counts;
    final boolean[][] ood;
    final double[][] reward;
    final double[][] cost;
    /** Per (s, a): next states (may be terminal or sink) and their probabilities; null when never logged in forbid mode. */
    final int[][][] next;
    final double[][][] probability;
    /** Per state: actions the planner may take; empty for states never logged. */
    final int[][] allowed;
    final double[] initial;
    final double sinkReward;
    /** A pair is in support when logged at least this many times: max(minCount, the density percentile). */
    final double supportThreshold;
    final List<Integer> fallbackStates = new ArrayList<>();
    final List<Integer> unseenStates = new ArrayList<>();

    GuardedCmdp(TabularTransitions t, OgsrlConfig config) {
        states = t.states;
        actions = t.actions;
        terminal = states;
        sink = states + 1;
        counts = t.counts;
        boolean penalty = config.mode() == GuardMode.PENALTY;
        sinkReward = -config.oodPenalty();
        supportThreshold = Math.max(config.minCount(), countPercentile(t, config.densityPercentile()));
        ood = new boolean[states][actions];
        reward = new double[states][actions];
        cost = new double[states][actions];
        next = new int[states][actions][];
        probability = new double[states][actions][];
        allowed = new int[states][];
        initial = new double[states + 2];
        // Count first, divide once: adding 1/n n times drifts from 1 in the last bits.
        for (int s : t.firstStates) {
            initial[s]++;
        }
        for (int s = 0; s < states; s++) {
            initial[s] /= t.firstStates.length;
        }
        List<TreeMap<Integer, Integer>> outcomes = new ArrayList<>(states * actions);
        for (int i = 0; i < states * actions; i++) {
            outcomes.add(null);
        }
        for (int i = 0; i < t.size(); i++) {
            int s = t.state[i];
            int a = t.action[i];
            reward[s][a] += t.reward[i];
            cost[s][a] += t.cost[i];
            if (t.next[i] != TabularTransitions.CUT) {
                int target = t.next[i] == TabularTransitions.END ? terminal : t.next[i];
                TreeMap<Integer, Integer> map = outcomes.get(s * actions + a);
                if (map == null) {
                    map = new TreeMap<>();
                    outcomes.set(s * actions + a, map);
                }
                map.merge(target, 1, Integer::sum);
            }
        }
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                int n = counts[s][a];
                ood[s][a] = n < supportThreshold;
                if (n == 0) {
                    if (penalty) {
                        next[s][a] = new int[] {sink};
                        probability[s][a] = new double[] {1};
                        reward[s][a] = sinkReward;
                    }
                    continue;
                }
                reward[s][a] /= n;
                cost[s][a] /= n;
                if (penalty && ood[s][a]) {
                    reward[s][a] -= config.oodPenalty();
                }
                TreeMap<Integer, Integer> map = outcomes.get(s * actions + a);
                if (map == null) {
                    // Every visit was cut off at the horizon: no outcome is known; treat it as ending (worth 0).
                    next[s][a] = new int[] {terminal};
                    probability[s][a] = new double[] {1};
                    continue;
                }
                int total = map.values().stream().mapToInt(Integer::intValue).sum();
                next[s][a] = map.keySet().stream().mapToInt(Integer::intValue).toArray();
                probability[s][a] = map.values().stream().mapToDouble(c -> (double) c / total).toArray();
            }
            allowed[s] = allowedActions(t, s, penalty);
        }
    }

    /**
     * The p-th percentile (linear interpolation between ranks, rank = p/100 * (N - 1), as numpy and the safety
     * module's guardians) of n(s_i, a_i) over the logged steps i: the tabular form of the paper's threshold, the
     * 5th percentile of the training points' own densities.
     */
    static double countPercentile(TabularTransitions t, double percentile) {
        int n = t.size();
        int[] own = new int[n];
        for (int i = 0; i < n; i++) {
            own[i] = t.counts[t.state[i]][t.action[i]];
        }
        java.util.Arrays.sort(own);
        double rank = percentile / 100 * (n - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, n - 1);
        return own[below] + (rank - below) * (own[above] - own[below]);
    }

    private int[] allowedActions(TabularTransitions t, int s, boolean penalty) {
        if (t.stateVisits(s) == 0) {
            unseenStates.add(s);
            return new int[0];
        }
        if (penalty) {
            int[] all = new int[actions];
            for (int a = 0; a < actions; a++) {
                all[a] = a;
            }
            return all;
        }
        int[] inSupport = java.util.stream.IntStream.range(0, actions).filter(a -> !ood[s][a]).toArray();
        if (inSupport.length > 0) {
            return inSupport;
        }
        fallbackStates.add(s);
        return new int[] {t.mostFrequentAction(s)};
    }

    /** How many (state, action) pairs are in support. */
    int supportedPairs() {
        int n = 0;
        for (boolean[] row : ood) {
            for (boolean o : row) {
                n += o ? 0 : 1;
            }
        }
        return n;
    }
}
