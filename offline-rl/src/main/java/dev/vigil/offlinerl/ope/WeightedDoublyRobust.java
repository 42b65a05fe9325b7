package dev.vigil.offlinerl.ope;

/**
 * Weighted doubly robust estimation (Thomas &amp; Brunskill 2016): the per-decision doubly robust estimator
 * with each weight normalised by its sum over episodes,
 * {@code V = sum_t gamma^t [ sum_i w_{i,t} (r_{i,t} - Q(s_t,a_t)) / sum_i w_{i,t}
 * + sum_i w_{i,t-1} V(s_t) / sum_i w_{i,t-1} ]}, ended episodes keeping their trajectory weight (see
 * {@link ImportanceWeights}). Biased but consistent; the usual choice when weights are heavy-tailed.
 *
 * @param discount gamma in (0, 1]; 1 for reporting
 * @param model Q-hat at each logged step
 */
public record WeightedDoublyRobust(double discount, StepActionValues model) implements OpeEstimator {

    public WeightedDoublyRobust {
        Discounts.require(discount);
        if (model == null) {
            throw new IllegalArgumentException("Doubly robust estimation needs a Q model, e.g. from FittedQEvaluation");
        }
    }

    @Override
    public OpeResult estimate(OpeDataset data) {
        ImportanceWeights w = ImportanceWeights.of(data);
        int horizon = w.horizon();
        // Term 2t: the correction at step t, normalised by w_t; term 2t+1: the baseline V(s_t), normalised by
        // w_{t-1}.
        double[][] a = new double[data.size()][2 * horizon];
        double[][] b = new double[data.size()][2 * horizon];
        for (int i = 0; i < a.length; i++) {
            LoggedEpisode e = data.episodes().get(i);
            double g = 1;
            for (int t = 0; t < horizon; t++) {
                b[i][2 * t] = w.at(i, t);
                b[i][2 * t + 1] = w.at(i, t - 1);
                if (t < e.steps()) {
                    double[] q = model.at(i, t);
                    a[i][2 * t] = g * w.at(i, t) * (e.reward(t) - q[e.action(t)]);
                    a[i][2 * t + 1] = g * w.at(i, t - 1) * DoublyRobust.stateValue(e, t, q);
                }
                g *= discount;
            }
        }
        EpisodeTerms terms = new EpisodeTerms(a, b);
        return new OpeResult("WDR", terms.estimate(), w.effectiveSampleSize(), w.validShare(), terms);
    }
}
