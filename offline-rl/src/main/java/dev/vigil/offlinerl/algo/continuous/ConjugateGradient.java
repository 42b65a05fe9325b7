package dev.vigil.offlinerl.algo.continuous;

import java.util.function.UnaryOperator;

/** Solves {@code A x = b} for a symmetric positive-definite A given only as a matrix-vector product. */
public final class ConjugateGradient {

    private ConjugateGradient() {
    }

    /**
     * Conjugate gradient from x = 0.
     *
     * @param product {@code v -> A v}
     * @param iterations the most iterations (TRPO: 10)
     * @param residualTolerance stops once {@code r^T r} falls below it
     */
    public static double[] solve(UnaryOperator<double[]> product, double[] b, int iterations,
            double residualTolerance) {
        int n = b.length;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] p = b.clone();
        double rr = dot(r, r);
        for (int k = 0; k < iterations && rr >= residualTolerance; k++) {
            double[] ap = product.apply(p);
            double alpha = rr / dot(p, ap);
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double next = dot(r, r);
            double beta = next / rr;
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + beta * p[i];
            }
            rr = next;
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
