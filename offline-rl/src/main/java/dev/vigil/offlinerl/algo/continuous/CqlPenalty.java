package dev.vigil.offlinerl.algo.continuous;

import ai.djl.ndarray.NDArray;

/**
 * The CQL(H) penalty for continuous actions (Kumar et al. 2020, eq. 4, with the sampled log-sum-exp of their
 * continuous implementation): over a batch of B states with M sampled actions each,
 *
 * <pre>
 * penalty = mean_b [ log( (1/M) sum_j exp Q(s_b, a_bj) ) ] - mean_b Q(s_b, a_b^data)
 * </pre>
 *
 * The sampled actions are uniform on [-1, 1]^A and noisy actor actions. The {@code - log M} makes a constant Q
 * cost nothing (the penalty is 0 when every Q is equal) and changes no gradient. Minimising it pushes Q down on
 * actions the policy and chance would pick and up on the logged ones.
 */
final class CqlPenalty {

    private CqlPenalty() {
    }

    /**
     * @param sampledQ Q of the sampled actions, shape (B, M)
     * @param dataQ Q of the logged actions, shape (B)
     * @return a scalar
     */
    static NDArray of(NDArray sampledQ, NDArray dataQ) {
        return logMeanExp(sampledQ).mean().sub(dataQ.mean());
    }

    /** {@code log((1/M) sum_j exp x_bj)} per row, computed stably: shape (B). */
    static NDArray logMeanExp(NDArray x) {
        long m = x.getShape().get(1);
        NDArray max = x.max(new int[] {1}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1)).sub((float) Math.log(m));
    }

    /** The same penalty in double precision, for checking: {@code sampledQ[b][j]}, {@code dataQ[b]}. */
    static double of(double[][] sampledQ, double[] dataQ) {
        double sum = 0;
        for (int b = 0; b < dataQ.length; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double q : sampledQ[b]) {
                max = Math.max(max, q);
            }
            double s = 0;
            for (double q : sampledQ[b]) {
                s += Math.exp(q - max);
            }
            sum += max + Math.log(s / sampledQ[b].length) - dataQ[b];
        }
        return sum / dataQ.length;
    }
}
