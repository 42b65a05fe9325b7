package dev.vigil.ingestion.dataset;

/** Deep copies and checks of the arrays inside the dataset's records. */
final class Arrays2 {

    private Arrays2() {
    }

    static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    static boolean[][] copy(boolean[][] rows) {
        boolean[][] copy = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    static int[] requireNonNegative(int[] ids, String what) {
        if (ids == null) {
            throw new IllegalArgumentException("Missing " + what + "s");
        }
        int[] copy = ids.clone();
        for (int t = 0; t < copy.length; t++) {
            if (copy[t] < 0) {
                throw new IllegalArgumentException("Step " + t + " has the negative " + what + " " + copy[t]);
            }
        }
        return copy;
    }

    /** A copy, or null for null (optional per-step columns). */
    static double[] copyOrNull(double[] values) {
        return values == null ? null : values.clone();
    }
}
