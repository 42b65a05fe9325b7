package dev.vigil.offlinerl.tabular;

/**
 * Settings of {@link ValueIteration}; only the discounted infinite-horizon case iterates to a tolerance
 * (a finite horizon is solved exactly in H sweeps).
 *
 * @param tolerance stop when no value changes by more than this in a sweep; the values are then within
 *     {@code tolerance * discount / (1 - discount)} of optimal
 * @param maxIterations give up (with an exception) after this many sweeps
 */
public record ValueIterationConfig(double tolerance, int maxIterations) {

    public ValueIterationConfig {
        if (!(tolerance > 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("The tolerance must be positive and finite, e.g. 1e-10; got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
    }

    /** Tolerance 1e-10, at most 100 000 sweeps. */
    public static ValueIterationConfig defaults() {
        return new ValueIterationConfig(1e-10, 100_000);
    }
}
