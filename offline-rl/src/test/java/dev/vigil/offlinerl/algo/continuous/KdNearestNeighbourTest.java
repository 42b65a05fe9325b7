package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KdNearestNeighbourTest {

    @Test
    void answersLikeABruteForceScanTiesIncluded() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] points = new double[3000][5];
        for (double[] p : points) {
            for (int j = 0; j < 5; j++) {
                // Coarse grid values: many exact ties and duplicate points.
                p[j] = rng.nextInt(7) / 3.0 - 1;
            }
        }
        KdNearestNeighbour kd = new KdNearestNeighbour(points);
        for (int q = 0; q < 2000; q++) {
            double[] x = new double[3];
            double[] y = new double[2];
            for (int j = 0; j < 3; j++) {
                x[j] = q % 2 == 0 ? rng.nextInt(7) / 3.0 - 1 : rng.nextDouble(-1.2, 1.2);
            }
            for (int j = 0; j < 2; j++) {
                y[j] = rng.nextDouble(-1.2, 1.2);
            }
            assertThat(kd.nearest(x, y)).isEqualTo(bruteForce(points, x, y));
        }
    }

    private static int bruteForce(double[][] points, double[] x, double[] y) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double d = 0;
            for (int j = 0; j < 5; j++) {
                double diff = points[i][j] - (j < 3 ? x[j] : y[j - 3]);
                d += diff * diff;
            }
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
