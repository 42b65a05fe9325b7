package dev.vigil.ingestion.synth.sepsis;

import java.util.SplittableRandom;

/**
 * Random draws built only from {@link SplittableRandom#nextDouble()} and {@link StrictMath}, so that the same
 * seed gives the same bits on every JVM and CPU (the JDK's own {@code nextGaussian} is an implementation
 * detail that has changed between releases).
 */
final class RandomDraws {

    private RandomDraws() {
    }

    /** A standard normal value (Box-Muller; one of the pair is discarded to keep the draw count fixed). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    static double normal(SplittableRandom rng, double mean, double sd) {
        return mean + sd * gaussian(rng);
    }

    /** exp(N(log(median), sigma)). */
    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(rng));
    }

    static double uniform(SplittableRandom rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
