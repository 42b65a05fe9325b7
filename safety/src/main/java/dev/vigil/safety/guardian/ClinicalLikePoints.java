package dev.vigil.safety.guardian;

import java.util.SplittableRandom;

/**
 * Seeded synthetic points shaped like OGSRL's scaled sepsis data (13 state features + 2 actions, all
 * min-max scaled to [-1, 1]), for the benchmark and for tests. Not patient data.
 *
 * <p>Layout of a {@code double[15]} point: features 0-2 binary (gender, re-admission, mechanical
 * ventilation) at -1 or +1; features 3-12 continuous from a mixture of Gaussian components (patient
 * phenotypes), clipped to [-1, 1]; features 13-14 the actions (vasopressor, fluid), exactly -1 (no
 * dose) for most steps and right-skewed otherwise, as real doses are.
 */
final class ClinicalLikePoints {

    static final int DIMENSION = 15;
    private static final int COMPONENTS = 6;
    private static final int CONTINUOUS_FROM = 3;
    private static final int CONTINUOUS_TO = 13;

    private final double[][] centres = new double[COMPONENTS][DIMENSION];
    private final double[][] spreads = new double[COMPONENTS][DIMENSION];
    private final double[] ventilated = new double[COMPONENTS];
    private final double shift;

    /**
     * @param seed drives the mixture's components
     * @param shift added to every continuous feature's component centre, to make out-of-distribution
     *     data (0 for the training distribution)
     */
    ClinicalLikePoints(long seed, double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < COMPONENTS; c++) {
            for (int j = CONTINUOUS_FROM; j < CONTINUOUS_TO; j++) {
                centres[c][j] = -0.6 + random.nextDouble(1.0);
                spreads[c][j] = 0.08 + random.nextDouble(0.22);
            }
            ventilated[c] = random.nextDouble(0.1, 0.7);
        }
        this.shift = shift;
    }

    /**
     * Draws {@code n} points.
     *
     * @return {@code double[n][15]}
     */
    double[][] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = samplePoint(random);
        }
        return points;
    }

    /**
     * Draws {@code episodes} episodes of {@code steps} points each; steps of one episode share a
     * component, so they are correlated as a patient's steps are.
     *
     * @return {@code double[episodes][steps][15]}
     */
    double[][][] sampleEpisodes(int episodes, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] out = new double[episodes][steps][];
        for (int e = 0; e < episodes; e++) {
            int component = random.nextInt(COMPONENTS);
            for (int t = 0; t < steps; t++) {
                out[e][t] = pointFrom(component, random);
            }
        }
        return out;
    }

    private double[] samplePoint(SplittableRandom random) {
        return pointFrom(random.nextInt(COMPONENTS), random);
    }

    private double[] pointFrom(int c, SplittableRandom random) {
        double[] x = new double[DIMENSION];
        x[0] = random.nextDouble() < 0.55 ? 1 : -1;
        x[1] = random.nextDouble() < 0.1 ? 1 : -1;
        x[2] = random.nextDouble() < ventilated[c] ? 1 : -1;
        for (int j = CONTINUOUS_FROM; j < CONTINUOUS_TO; j++) {
            x[j] = clip(centres[c][j] + shift + spreads[c][j] * gaussian(random));
        }
        x[13] = random.nextDouble() < 0.7 ? -1 : clip(-1 + exponential(random, 0.3));
        x[14] = random.nextDouble() < 0.3 ? -1 : clip(-1 + exponential(random, 0.5));
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static double clip(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
