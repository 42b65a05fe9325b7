package dev.vigil.offlinerl.dynamics;

/** Small array helpers for this package: copies, shape checks, concatenation. */
final class Matrices {

    private Matrices() {}

    static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** A copy of a rectangular matrix of finite values; the message names {@code what} otherwise. */
    static double[][] copyFinite(double[][] rows, String what) {
        int width = rows[0].length;
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            requireVector(rows[i], width, what + ", row " + i);
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** Throws unless {@code v} has {@code length} finite values. */
    static void requireVector(double[] v, int length, String what) {
        if (v == null || v.length != length) {
            throw new IllegalArgumentException(what + " has " + (v == null ? "no" : v.length) + " values; expected "
                    + length);
        }
        for (int j = 0; j < length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException(what + ", value " + j + " is not finite; impute or drop it first");
            }
        }
    }

    /** {@code a} followed by {@code b}. */
    static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Checks a model call and returns the last {@code k} history rows, oldest first, repeating the oldest
     * given row where fewer than {@code k} are given.
     *
     * @return {@code double[k][s]} (rows shared with the caller's array, not copied)
     */
    static double[][] window(double[][] history, int k, int s, double[] action, int a) {
        if (history == null || history.length == 0) {
            throw new IllegalArgumentException("A model step needs a history of at least one state (the current"
                    + " one, last)");
        }
        for (int i = 0; i < history.length; i++) {
            requireVector(history[i], s, "History row " + i);
        }
        requireVector(action, a, "Action");
        double[][] window = new double[k][];
        int offset = history.length - k;
        for (int i = 0; i < k; i++) {
            window[i] = history[Math.max(0, offset + i)];
        }
        return window;
    }
}
