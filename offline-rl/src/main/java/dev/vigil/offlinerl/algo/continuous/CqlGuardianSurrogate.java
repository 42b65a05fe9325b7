package dev.vigil.offlinerl.algo.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * GCQL's differentiable stand-in for the guardian's verdict {@code 1[(s, pi(s)) is OOD]}: the log-density deficit
 *
 * <pre>
 * deficit(x) = max(0, log tau - log p(x)),   p(x) = (1/m) sum_i exp(-|x - x_i|^2 / (2 sigma^2))
 * </pre>
 *
 * over m reference (state, action) pairs drawn once from the training pairs, with the guardian's sigma and
 * threshold tau (the {@code GaussianKdeGuardian}'s mean-kernel density, whose normalising constant is omitted in
 * both). {@code p} is an unbiased estimate of the guardian's exact density; the guardian itself approximates it by
 * cells (biased about 20 % low, docs/guardians.md), so its threshold is a little lenient for the surrogate. The
 * deficit is 0 wherever the guardian would call the point in support and grows with how many e-folds of density
 * the point lacks, so its gradient pulls the actor's dose back toward the data; unlike the indicator it is not
 * flat. Computed as a log-sum-exp, so points far from all data still get a finite gradient (toward the nearest
 * reference points) rather than {@code log 0}.
 */
final class CqlGuardianSurrogate {

    private final NDArray reference;
    private final NDArray referenceNorms;
    private final float logThreshold;
    private final float inverseTwoSigmaSquared;
    private final float logCount;

    /**
     * @param points reference pairs, row-major (m, d), scaled like the learner's inputs
     * @param threshold the guardian's density threshold, > 0
     */
    CqlGuardianSurrogate(NDManager manager, float[] points, int dimension, double sigma, double threshold) {
        int m = points.length / dimension;
        reference = manager.create(points, new Shape(m, dimension));
        referenceNorms = reference.square().sum(new int[] {1}).reshape(1, m);
        // A zero threshold (percentile 0 of a one-point set) would make every point in support: keep log finite.
        logThreshold = (float) Math.log(Math.max(threshold, Double.MIN_NORMAL));
        inverseTwoSigmaSquared = (float) (1 / (2 * sigma * sigma));
        logCount = (float) Math.log(m);
    }

    /** {@code log p(x)} per row of {@code x} (B, d): shape (B). */
    NDArray logDensity(NDArray x) {
        NDArray norms = x.square().sum(new int[] {1}, true);
        NDArray squared = norms.add(referenceNorms).sub(x.matMul(reference.transpose()).mul(2f)).maximum(0f);
        NDArray z = squared.mul(-inverseTwoSigmaSquared);
        NDArray max = z.max(new int[] {1}, true).stopGradient();
        return z.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1)).sub(logCount);
    }

    /** The deficit per row of {@code x} (B, d): shape (B), >= 0. */
    NDArray deficit(NDArray x) {
        return logDensity(x).neg().add(logThreshold).maximum(0f);
    }
}
