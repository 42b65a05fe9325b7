package dev.vigil.offlinerl.ope;

import java.util.HashMap;
import java.util.Map;

/**
 * The data's maximum-likelihood tabular model for fitted-Q evaluation: mean reward per (s, a), next-state
 * frequencies (the last step of an ended episode leads to the terminal outcome, worth 0), and pi_e(. | s) as
 * logged.
 *
 * <p>Truncation censors: a truncated episode's last transition went to some non-terminal state we did not
 * see. Leaving out only those would over-count termination (the ended episodes' last transitions at the same
 * step stay in), so every transition made at a step where some episode was cut off is left out of the
 * next-state frequencies, for all episodes. With a horizon H that is step H-1, whose Q needs no next state.
 */
final class EmpiricalModel {

    final int states;
    final int actions;
    final int[][] visits;
    final double[][] meanReward;
    /** Per (s, a): next states and their frequencies among known outcomes; the terminal outcome is implicit. */
    final int[][][] nextStates;
    final double[][][] nextProbabilities;
    /** Per state: pi_e(. | s), or null when the state was never logged. */
    final double[][] evaluation;

    private EmpiricalModel(int states, int actions) {
        this.states = states;
        this.actions = actions;
        this.visits = new int[states][actions];
        this.meanReward = new double[states][actions];
        this.nextStates = new int[states][actions][];
        this.nextProbabilities = new double[states][actions][];
        this.evaluation = new double[states][];
    }

    static EmpiricalModel fit(OpeDataset data) {
        if (!data.isTabular()) {
            throw new IllegalArgumentException("Tabular fitted-Q evaluation needs tabular states; this dataset has "
                    + "none (state count 0)");
        }
        EmpiricalModel m = new EmpiricalModel(data.stateCount(), data.actionCount());
        int[][] known = new int[m.states][m.actions];
        java.util.Set<Integer> cutSteps = new java.util.HashSet<>();
        for (LoggedEpisode e : data.episodes()) {
            if (e.truncated()) {
                cutSteps.add(e.steps() - 1);
            }
        }
        // Next-state counts per (s, a), keyed s * A + a.
        Map<Integer, Map<Integer, Integer>> counts = new HashMap<>();
        for (LoggedEpisode e : data.episodes()) {
            for (int t = 0; t < e.steps(); t++) {
                int s = e.state(t);
                int a = e.action(t);
                m.visits[s][a]++;
                m.meanReward[s][a] += e.reward(t);
                recordEvaluation(m, e, t);
                boolean last = t == e.steps() - 1;
                if (cutSteps.contains(t)) {
                    continue;
                }
                known[s][a]++;
                if (!last) {
                    counts.computeIfAbsent(s * m.actions + a, k -> new HashMap<>()).merge(e.state(t + 1), 1,
                            Integer::sum);
                }
            }
        }
        for (int s = 0; s < m.states; s++) {
            for (int a = 0; a < m.actions; a++) {
                if (m.visits[s][a] > 0) {
                    m.meanReward[s][a] /= m.visits[s][a];
                }
                Map<Integer, Integer> next = counts.get(s * m.actions + a);
                int size = next == null ? 0 : next.size();
                m.nextStates[s][a] = new int[size];
                m.nextProbabilities[s][a] = new double[size];
                if (next != null) {
                    int i = 0;
                    for (Map.Entry<Integer, Integer> entry : next.entrySet()) {
                        m.nextStates[s][a][i] = entry.getKey();
                        m.nextProbabilities[s][a][i] = (double) entry.getValue() / known[s][a];
                        i++;
                    }
                }
            }
        }
        return m;
    }

    private static void recordEvaluation(EmpiricalModel m, LoggedEpisode e, int t) {
        int s = e.state(t);
        if (m.evaluation[s] == null) {
            m.evaluation[s] = new double[m.actions];
            for (int a = 0; a < m.actions; a++) {
                m.evaluation[s][a] = e.evaluationProbability(t, a);
            }
            return;
        }
        for (int a = 0; a < m.actions; a++) {
            if (Math.abs(m.evaluation[s][a] - e.evaluationProbability(t, a)) > 1e-9) {
                throw new IllegalArgumentException("Episode " + e.id() + ", step " + t + " gives state " + s
                        + " evaluation probabilities that differ from an earlier visit; tabular fitted-Q evaluation "
                        + "needs an evaluation policy that depends on the state only");
            }
        }
    }
}
