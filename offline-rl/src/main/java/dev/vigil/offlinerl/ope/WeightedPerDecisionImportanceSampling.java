package dev.vigil.offlinerl.ope;

/**
 * Weighted per-decision importance sampling:
 * {@code V = sum_t gamma^t (sum_i w_{i,t} r_{i,t}) / (sum_i w_{i,t})}, where an ended episode keeps its
 * trajectory weight in later normalisers (see {@link ImportanceWeights}).
 *
 * @param discount gamma in (0, 1]; 1 for reporting
 */
public record WeightedPerDecisionImportanceSampling(double discount) implements OpeEstimator {

    public WeightedPerDecisionImportanceSampling {
        Discounts.require(discount);
    }

    @Override
    public OpeResult estimate(OpeDataset data) {
        ImportanceWeights w = ImportanceWeights.of(data);
        int horizon = w.horizon();
        double[][] a = new double[data.size()][horizon];
        double[][] b = new double[data.size()][horizon];
        for (int i = 0; i < a.length; i++) {
            LoggedEpisode e = data.episodes().get(i);
            double g = 1;
            for (int t = 0; t < horizon; t++) {
                b[i][t] = w.at(i, t);
                a[i][t] = t < e.steps() ? g * w.at(i, t) * e.reward(t) : 0;
                g *= discount;
            }
        }
        EpisodeTerms terms = new EpisodeTerms(a, b);
        return new OpeResult("WPDIS", terms.estimate(), w.effectiveSampleSize(), w.validShare(), terms);
    }
}
