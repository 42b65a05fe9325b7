package dev.vigil.offlinerl.ope;

/**
 * Trajectory-wise importance sampling: {@code V = (1/n) sum_i W_i G_i} with {@code W_i} the product of the
 * episode's ratios and {@code G_i = sum_t gamma^t r_t}. Unbiased; high variance.
 *
 * @param discount gamma in (0, 1]; 1 for reporting
 */
public record ImportanceSampling(double discount) implements OpeEstimator {

    public ImportanceSampling {
        Discounts.require(discount);
    }

    @Override
    public OpeResult estimate(OpeDataset data) {
        ImportanceWeights w = ImportanceWeights.of(data);
        double[] c = new double[data.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = w.trajectory(i) * Returns.discounted(data.episodes().get(i), discount);
        }
        EpisodeTerms terms = EpisodeTerms.mean(c);
        return new OpeResult("IS", terms.estimate(), w.effectiveSampleSize(), w.validShare(), terms);
    }
}
