package dev.vigil.offlinerl.ope;

import dev.vigil.offlinerl.tabular.Objective;

/**
 * Tabular fitted-Q evaluation: Bellman backups of the evaluation policy on the data's empirical model,
 * {@code Q(s,a) = r-hat(s,a) + gamma sum_s' P-hat(s'|s,a) sum_a' pi_e(a'|s') Q(s',a')}, which is what
 * least-squares FQE with one-hot (s, a) features converges to. With a horizon H it runs H backward stages
 * (the Q of step t has H - t decisions left); without one it iterates to the tolerance. The estimate is
 * {@code (1/n) sum_i sum_a pi_e(a|s_{i,0}) Q_0(s_{i,0}, a)}. Pairs never logged (counted in
 * {@link FqeFit#unsupportedPairs()}) get the value {@link UnloggedPairs} says: by default the clinicians' value at
 * that state and stage (the visit-weighted mean Q of the actions logged there), or 0 as in textbook tabular FQE,
 * which is optimistic whenever rewards are negative (docs/ope.md).
 *
 * @param discount gamma in (0, 1]
 * @param horizon decisions per episode, or {@link Objective#INFINITE} (then the discount must be below 1)
 * @param tolerance stop iterating when no value moves more than this (infinite horizon only)
 * @param maxIterations give up after this many backups (infinite horizon only)
 * @param unlogged the Q of a (state, action) pair never logged
 */
public record FittedQEvaluation(double discount, int horizon, double tolerance, int maxIterations,
        UnloggedPairs unlogged) implements OpeEstimator {

    /** What a (state, action) pair without logged transitions is worth. */
    public enum UnloggedPairs {
        /**
         * The clinicians' value there: the mean Q of the actions logged at the state, weighted by how often each was
         * logged (0 at a state with no logged action). Neither rewards nor punishes leaving the data's support.
         */
        CLINICIANS,
        /** 0, textbook tabular FQE: optimistic when rewards are negative, pessimistic when positive. */
        ZERO
    }

    public FittedQEvaluation {
        if (unlogged == null) {
            throw new IllegalArgumentException("FQE needs a rule for unlogged pairs: CLINICIANS or ZERO");
        }
        new Objective(discount, horizon); // validates the pair with the same messages as elsewhere
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("FQE needs a positive tolerance and at least 1 iteration, got "
                    + tolerance + " and " + maxIterations);
        }
    }

    /** Finite horizon H, exact in H stages. */
    public static FittedQEvaluation finiteHorizon(int horizon, double discount) {
        return new FittedQEvaluation(discount, horizon, 1e-10, horizon, UnloggedPairs.CLINICIANS);
    }

    /** Discounted, iterated to 1e-10. */
    public static FittedQEvaluation discounted(double discount) {
        return new FittedQEvaluation(discount, Objective.INFINITE, 1e-10, 100_000, UnloggedPairs.CLINICIANS);
    }

    /** A copy with another rule for unlogged pairs. */
    public FittedQEvaluation withUnloggedPairs(UnloggedPairs rule) {
        return new FittedQEvaluation(discount, horizon, tolerance, maxIterations, rule);
    }

    /** Fits Q on the data's empirical model. */
    public FqeFit fit(OpeDataset data) {
        EmpiricalModel m = EmpiricalModel.fit(data);
        int unsupported = 0;
        for (int s = 0; s < m.states; s++) {
            for (int a = 0; a < m.actions; a++) {
                if (m.evaluation[s] != null && m.evaluation[s][a] > 0 && m.visits[s][a] == 0) {
                    unsupported++;
                }
            }
        }
        if (horizon != Objective.INFINITE) {
            double[][][] q = new double[horizon][][];
            double[] v = new double[m.states];
            for (int t = horizon - 1; t >= 0; t--) {
                q[t] = backup(m, v);
                v = stateValues(m, q[t]);
            }
            return new FqeFit(new TabularQFunction(q), unsupported, horizon);
        }
        double[] v = new double[m.states];
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[][] q = backup(m, v);
            double[] next = stateValues(m, q);
            double change = 0;
            for (int s = 0; s < m.states; s++) {
                change = Math.max(change, Math.abs(next[s] - v[s]));
            }
            v = next;
            if (change < tolerance) {
                return new FqeFit(new TabularQFunction(new double[][][] {backup(m, v)}), unsupported, iteration);
            }
        }
        throw new IllegalStateException("FQE did not converge to " + tolerance + " in " + maxIterations
                + " iterations; raise maxIterations or lower the discount");
    }

    @Override
    public OpeResult estimate(OpeDataset data) {
        TabularQFunction q = fit(data).q();
        double[] c = new double[data.size()];
        for (int i = 0; i < c.length; i++) {
            LoggedEpisode e = data.episodes().get(i);
            c[i] = DoublyRobust.stateValue(e, 0, q.values(0, e.state(0)));
        }
        EpisodeTerms terms = EpisodeTerms.mean(c);
        return new OpeResult("FQE", terms.estimate(), Double.NaN, Double.NaN, terms);
    }

    private double[][] backup(EmpiricalModel m, double[] v) {
        double[][] q = new double[m.states][m.actions];
        for (int s = 0; s < m.states; s++) {
            for (int a = 0; a < m.actions; a++) {
                if (m.visits[s][a] == 0) {
                    continue;
                }
                double next = 0;
                int[] ids = m.nextStates[s][a];
                for (int i = 0; i < ids.length; i++) {
                    next += m.nextProbabilities[s][a][i] * v[ids[i]];
                }
                q[s][a] = m.meanReward[s][a] + discount * next;
            }
            if (unlogged == UnloggedPairs.CLINICIANS) {
                fillUnlogged(m.visits[s], q[s]);
            }
        }
        return q;
    }

    /** Unlogged actions of one state get the visit-weighted mean Q of its logged ones. */
    private static void fillUnlogged(int[] visits, double[] q) {
        double sum = 0;
        long count = 0;
        for (int a = 0; a < q.length; a++) {
            sum += visits[a] * q[a];
            count += visits[a];
        }
        if (count == 0) {
            return;
        }
        double clinicians = sum / count;
        for (int a = 0; a < q.length; a++) {
            if (visits[a] == 0) {
                q[a] = clinicians;
            }
        }
    }

    private static double[] stateValues(EmpiricalModel m, double[][] q) {
        double[] v = new double[m.states];
        for (int s = 0; s < m.states; s++) {
            if (m.evaluation[s] != null) {
                for (int a = 0; a < m.actions; a++) {
                    v[s] += m.evaluation[s][a] * q[s][a];
                }
            }
        }
        return v;
    }
}
