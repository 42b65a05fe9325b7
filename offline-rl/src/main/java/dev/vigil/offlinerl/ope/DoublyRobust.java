package dev.vigil.offlinerl.ope;

/**
 * Per-decision doubly robust estimation (Jiang &amp; Li 2016; Thomas &amp; Brunskill 2016):
 * {@code V = (1/n) sum_i sum_t gamma^t [ w_{i,t} (r_{i,t} - Q(s_t, a_t)) + w_{i,t-1} V(s_t) ]} with
 * {@code w_{i,-1} = 1} and {@code V(s_t) = sum_a pi_e(a|s_t) Q(s_t, a)}. Unbiased when the weights are right;
 * with an exact Q its variance comes only from the randomness of transitions and rewards.
 *
 * @param discount gamma in (0, 1]; 1 for reporting
 * @param model Q-hat at each logged step, e.g. {@link TabularQFunction#at(OpeDataset)} of a fitted-Q evaluation
 */
public record DoublyRobust(double discount, StepActionValues model) implements OpeEstimator {

    public DoublyRobust {
        Discounts.require(discount);
        if (model == null) {
            throw new IllegalArgumentException("Doubly robust estimation needs a Q model, e.g. from FittedQEvaluation");
        }
    }

    @Override
    public OpeResult estimate(OpeDataset data) {
        ImportanceWeights w = ImportanceWeights.of(data);
        double[] c = new double[data.size()];
        for (int i = 0; i < c.length; i++) {
            LoggedEpisode e = data.episodes().get(i);
            double g = 1;
            for (int t = 0; t < e.steps(); t++) {
                double[] q = model.at(i, t);
                c[i] += g * (w.at(i, t) * (e.reward(t) - q[e.action(t)]) + w.at(i, t - 1) * stateValue(e, t, q));
                g *= discount;
            }
        }
        EpisodeTerms terms = EpisodeTerms.mean(c);
        return new OpeResult("DR", terms.estimate(), w.effectiveSampleSize(), w.validShare(), terms);
    }

    /** {@code sum_a pi_e(a | s_t) q[a]}. */
    static double stateValue(LoggedEpisode e, int t, double[] q) {
        if (q.length != e.actionCount()) {
            throw new IllegalArgumentException("The Q model gives " + q.length + " action values at episode " + e.id()
                    + ", step " + t + "; the dataset has " + e.actionCount() + " actions");
        }
        double v = 0;
        for (int a = 0; a < q.length; a++) {
            v += e.evaluationProbability(t, a) * q[a];
        }
        return v;
    }
}
