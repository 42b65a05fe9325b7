package dev.vigil.safety.guardian;

/**
 * Out of distribution when the members of a dynamics ensemble disagree about the next state: where the
 * training data is thin, independently trained members extrapolate differently.
 *
 * <p>Score = {@code -disagreement} (higher = more in distribution). Threshold = the configured
 * percentile of the scores of calibration points from the training distribution. Speed is the
 * predictor's; this class adds {@code O(members^2 s)} work per query.
 */
public final class EnsembleDisagreementGuardian implements OodGuardian {

    private final EnsemblePredictor predictor;
    private final EnsembleConfig config;
    private final int dimension;
    private final double threshold;

    private EnsembleDisagreementGuardian(EnsemblePredictor predictor, EnsembleConfig config, int dimension,
            double threshold) {
        this.predictor = predictor;
        this.config = config;
        this.dimension = dimension;
        this.threshold = threshold;
    }

    /**
     * Sets the threshold from calibration points.
     *
     * @param calibration {@code double[n][d]}: scaled in-distribution points
     */
    public static EnsembleDisagreementGuardian fit(EnsemblePredictor predictor, double[][] calibration,
            EnsembleConfig config) {
        if (predictor == null || config == null) {
            throw new IllegalArgumentException("Ensemble guardian needs a predictor and a config "
                    + "(EnsembleConfig.defaults())");
        }
        int d = Points.requireRectangular(calibration, "Ensemble calibration points");
        double[] scores = new double[calibration.length];
        for (int i = 0; i < calibration.length; i++) {
            scores[i] = -disagreement(predictor.predict(calibration[i]), config.measure());
        }
        return new EnsembleDisagreementGuardian(predictor, config, d,
                Percentile.of(scores, config.thresholdPercentile()));
    }

    @Override
    public GuardVerdict judge(double[] point) {
        Points.requirePoint(point, dimension, "Point");
        return GuardVerdict.of(-disagreement(predictor.predict(point), config.measure()), threshold);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Disagreement of member predictions.
     *
     * @param predictions {@code double[members][s]}, members >= 2
     */
    static double disagreement(double[][] predictions, EnsembleConfig.Disagreement measure) {
        if (predictions == null || predictions.length < 2) {
            throw new IllegalArgumentException("Ensemble predictor returned fewer than 2 members; "
                    + "disagreement needs at least 2 member predictions as double[members][s]");
        }
        Points.requireRectangular(predictions, "Ensemble predictions");
        int members = predictions.length;
        if (measure == EnsembleConfig.Disagreement.MEAN_PAIRWISE_DISTANCE) {
            double sum = 0;
            for (int a = 0; a < members; a++) {
                for (int b = a + 1; b < members; b++) {
                    sum += Math.sqrt(Points.squaredDistance(predictions[a], predictions[b]));
                }
            }
            return sum / (members * (members - 1) / 2.0);
        }
        double worst = 0;
        for (int j = 0; j < predictions[0].length; j++) {
            double mean = 0;
            for (double[] member : predictions) {
                mean += member[j];
            }
            mean /= members;
            double variance = 0;
            for (double[] member : predictions) {
                variance += (member[j] - mean) * (member[j] - mean);
            }
            worst = Math.max(worst, Math.sqrt(variance / members));
        }
        return worst;
    }
}
