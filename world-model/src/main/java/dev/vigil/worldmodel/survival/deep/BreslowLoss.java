package dev.vigil.worldmodel.survival.deep;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Cox negative log partial likelihood with Breslow ties for arbitrary risk scores h, per event:
 * -(1/E) sum_{i: event} [h_i - log sum_{j: t_j >= t_i} exp(h_j)]. DeepSurv's training objective; computed here in
 * double precision for validation and early stopping, and as the reference the DJL version is tested against.
 */
public final class BreslowLoss {

    private BreslowLoss() {}

    /** The loss; NaN if there are no events. */
    public static double perEvent(double[] times, int[] events, double[] risk) {
        int n = times.length;
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> times[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
        double max = Arrays.stream(risk).max().orElse(0);
        double sum = 0;
        double loss = 0;
        int eventCount = 0;
        int k = 0;
        while (k < n) {
            int end = k;
            while (end < n && times[order[end]] == times[order[k]]) {
                sum += Math.exp(risk[order[end]] - max);
                end++;
            }
            double logDenominator = Math.log(sum) + max;
            for (int m = k; m < end; m++) {
                if (events[order[m]] == 1) {
                    loss -= risk[order[m]] - logDenominator;
                    eventCount++;
                }
            }
            k = end;
        }
        return eventCount == 0 ? Double.NaN : loss / eventCount;
    }
}
