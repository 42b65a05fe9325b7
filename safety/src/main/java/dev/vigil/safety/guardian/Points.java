package dev.vigil.safety.guardian;

/** Validation and copying of point arrays, shared by the guardians so that messages are uniform. */
final class Points {

    private Points() {
    }

    /**
     * Checks that {@code points} is a non-empty rectangular {@code double[n][d]} of finite values and
     * returns {@code d}.
     */
    static int requireRectangular(double[][] points, String what) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException(what + " is empty; pass at least one point as double[n][d]");
        }
        int d = points[0] == null ? 0 : points[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(what + " has points of dimension 0; pass double[n][d] with d >= 1");
        }
        for (int i = 0; i < points.length; i++) {
            requirePoint(points[i], d, what + " row " + i);
        }
        return d;
    }

    /** Checks that {@code point} is a finite {@code double[d]}. */
    static void requirePoint(double[] point, int d, String what) {
        if (point == null || point.length != d) {
            throw new IllegalArgumentException(what + " has dimension " + (point == null ? "null" : point.length)
                    + " but the guardian was fitted on dimension " + d
                    + "; pass the scaled (state, action) concatenation");
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(point[j])) {
                throw new IllegalArgumentException(what + " has a non-finite value at feature " + j
                        + "; impute or drop the step before judging it");
            }
        }
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
