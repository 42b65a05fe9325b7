package dev.vigil.worldmodel.survival;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Cox log partial likelihood, its gradient (score) and its information matrix (minus the Hessian) at given
 * coefficients, for Breslow or Efron ties. Risk sets are {@code {j : t_j >= t}}: a subject censored at the time
 * of an event is still at risk, as in R.
 *
 * <p>Walks the distinct times from the last to the first, adding each time's subjects to running sums
 * S0 = sum w, S1 = sum w x, S2 = sum w x x' with w = exp(x'beta). At a time with d events (sums over the events
 * only: D0, D1, D2), Breslow subtracts d log S0 and Efron, for r = 0..d-1 and f = r/d, subtracts
 * log(S0 - f D0); gradient and information follow from the same sums. One pass: O(n p^2).
 */
final class CoxPartialLikelihood {

    /** Value, score and information at one coefficient vector. */
    record Evaluation(double logLikelihood, double[] score, double[][] information) {}

    private final double[] times;
    private final int[] events;
    private final double[][] x;
    private final Ties ties;
    /** Row indices ordered by decreasing time. */
    private final int[] order;

    /** @param x covariates as used in the fit (R centres them first; see {@link CoxRegression}) */
    CoxPartialLikelihood(double[] times, int[] events, double[][] x, Ties ties) {
        this.times = times;
        this.events = events;
        this.x = x;
        this.ties = ties;
        this.order = java.util.stream.IntStream.range(0, times.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> times[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    Evaluation evaluate(double[] beta) {
        int p = beta.length;
        double s0 = 0;
        double[] s1 = new double[p];
        double[][] s2 = new double[p][p];
        double logLik = 0;
        double[] score = new double[p];
        double[][] info = new double[p][p];
        int k = 0;
        while (k < order.length) {
            double t = times[order[k]];
            int end = k;
            double d0 = 0;
            double[] d1 = new double[p];
            double[][] d2 = new double[p][p];
            int deaths = 0;
            while (end < order.length && times[order[end]] == t) {
                int i = order[end];
                double[] xi = x[i];
                double eta = dot(xi, beta);
                double w = Math.exp(eta);
                s0 += w;
                addOuter(s1, s2, xi, w);
                if (events[i] == 1) {
                    deaths++;
                    d0 += w;
                    addOuter(d1, d2, xi, w);
                    logLik += eta;
                    for (int a = 0; a < p; a++) {
                        score[a] += xi[a];
                    }
                }
                end++;
            }
            if (deaths > 0) {
                // Breslow: the d events all face the full risk set (fraction 0 removed), counted d times.
                int terms = ties == Ties.EFRON ? deaths : 1;
                double multiplicity = ties == Ties.EFRON ? 1 : deaths;
                for (int r = 0; r < terms; r++) {
                    double f = ties == Ties.EFRON ? (double) r / deaths : 0;
                    double denom = s0 - f * d0;
                    logLik -= multiplicity * Math.log(denom);
                    for (int a = 0; a < p; a++) {
                        double meanA = (s1[a] - f * d1[a]) / denom;
                        score[a] -= multiplicity * meanA;
                        for (int b = 0; b <= a; b++) {
                            double meanB = (s1[b] - f * d1[b]) / denom;
                            info[a][b] += multiplicity * ((s2[a][b] - f * d2[a][b]) / denom - meanA * meanB);
                        }
                    }
                }
            }
            k = end;
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                info[a][b] = info[b][a];
            }
        }
        return new Evaluation(logLik, score, info);
    }

    /** Adds w x to s1 and w x x' (lower triangle) to s2. */
    private static void addOuter(double[] s1, double[][] s2, double[] xi, double w) {
        for (int a = 0; a < xi.length; a++) {
            s1[a] += w * xi[a];
            for (int b = 0; b <= a; b++) {
                s2[a][b] += w * xi[a] * xi[b];
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The row order by decreasing time (shared with the baseline hazard). */
    int[] order() {
        return Arrays.copyOf(order, order.length);
    }
}
