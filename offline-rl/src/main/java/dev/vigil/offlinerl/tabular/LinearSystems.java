package dev.vigil.offlinerl.tabular;

/** Dense Gaussian elimination with partial pivoting, enough for the few thousand states of a tabular MDP. */
final class LinearSystems {

    private LinearSystems() {
    }

    /**
     * Solves in place.
     *
     * @param augmented shape (n, n + 1): the matrix with the right-hand side as its last column; destroyed
     * @return x, shape (n)
     */
    static double[] solve(double[][] augmented) {
        int n = augmented.length;
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int r = column + 1; r < n; r++) {
                if (Math.abs(augmented[r][column]) > Math.abs(augmented[pivot][column])) {
                    pivot = r;
                }
            }
            if (Math.abs(augmented[pivot][column]) < 1e-300) {
                throw new IllegalStateException("The policy-evaluation system is singular; with a discount below 1 this "
                        + "cannot happen unless the MDP's data are not finite");
            }
            double[] swap = augmented[column];
            augmented[column] = augmented[pivot];
            augmented[pivot] = swap;
            double[] top = augmented[column];
            for (int r = column + 1; r < n; r++) {
                double[] row = augmented[r];
                double factor = row[column] / top[column];
                if (factor == 0) {
                    continue;
                }
                for (int c = column; c <= n; c++) {
                    row[c] -= factor * top[c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = augmented[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= augmented[r][c] * x[c];
            }
            x[r] = sum / augmented[r][r];
        }
        return x;
    }
}
