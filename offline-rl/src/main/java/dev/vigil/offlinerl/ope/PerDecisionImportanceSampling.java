package dev.vigil.offlinerl.ope;

/**
 * Per-decision importance sampling: {@code V = (1/n) sum_i sum_t gamma^t w_{i,t} r_{i,t}} with
 * {@code w_{i,t}} the product of the ratios up to and including step t: a reward is weighted only by the
 * decisions that preceded it. Unbiased, lower variance than IS.
 *
 * @param discount gamma in (0, 1]; 1 for reporting
 */
public record PerDecisionImportanceSampling(double discount) implements OpeEstimator {

    public PerDecisionImportanceSampling {
        Discounts.require(discount);
    }

    @Override
    public OpeResult estimate(OpeDataset data) {
        ImportanceWeights w = ImportanceWeights.of(data);
        double[] c = new double[data.size()];
        for (int i = 0; i < c.length; i++) {
            LoggedEpisode e = data.episodes().get(i);
            double g = 1;
            for (int t = 0; t < e.steps(); t++) {
                c[i] += g * w.at(i, t) * e.reward(t);
                g *= discount;
            }
        }
        EpisodeTerms terms = EpisodeTerms.mean(c);
        return new OpeResult("PDIS", terms.estimate(), w.effectiveSampleSize(), w.validShare(), terms);
    }
}
