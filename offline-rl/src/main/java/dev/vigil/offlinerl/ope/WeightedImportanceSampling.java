package dev.vigil.offlinerl.ope;

/**
 * Weighted (self-normalised) trajectory-wise importance sampling:
 * {@code V = sum_i W_i G_i / sum_i W_i}. Biased but consistent, with much lower variance than IS; on the
 * behaviour policy's own data it is the average return. The AI Clinician's estimator.
 *
 * @param discount gamma in (0, 1]; 1 for reporting
 */
public record WeightedImportanceSampling(double discount) implements OpeEstimator {

    public WeightedImportanceSampling {
        Discounts.require(discount);
    }

    @Override
    public OpeResult estimate(OpeDataset data) {
        ImportanceWeights w = ImportanceWeights.of(data);
        double[][] a = new double[data.size()][1];
        double[][] b = new double[data.size()][1];
        for (int i = 0; i < a.length; i++) {
            b[i][0] = w.trajectory(i);
            a[i][0] = b[i][0] * Returns.discounted(data.episodes().get(i), discount);
        }
        EpisodeTerms terms = new EpisodeTerms(a, b);
        return new OpeResult("WIS", terms.estimate(), w.effectiveSampleSize(), w.validShare(), terms);
    }
}
