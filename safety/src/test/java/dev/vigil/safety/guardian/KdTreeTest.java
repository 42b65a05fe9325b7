package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KdTreeTest {

    @Test
    void exactNearestNeighboursEqualBruteForceOnRandomData() {
        double[][] reference = GaussianKdeGuardianTest.uniform(5000, 8, 51);
        KdTree tree = KdTree.build(reference);

        for (double[] q : GaussianKdeGuardianTest.uniform(100, 8, 52)) {
            double[] all = new double[reference.length];
            for (int i = 0; i < reference.length; i++) {
                all[i] = Points.squaredDistance(q, reference[i]);
            }
            Arrays.sort(all);
            assertThat(tree.nearestSquaredDistances(q, 10, -1, 0)).containsExactly(Arrays.copyOf(all, 10),
                    within(1e-12));
        }
    }

    @Test
    void leaveOneOutSkipsTheExcludedRow() {
        double[][] reference = {{0}, {1}, {3}};
        KdTree tree = KdTree.build(reference);

        assertThat(tree.nearestSquaredDistances(new double[] {0}, 1, 0, 0)).containsExactly(1.0);
        assertThat(tree.nearestSquaredDistances(new double[] {0}, 1, -1, 0)).containsExactly(0.0);
    }

    @Test
    void approximateSearchNeverReturnsCloserThanExact() {
        double[][] reference = GaussianKdeGuardianTest.uniform(5000, 8, 53);
        KdTree tree = KdTree.build(reference);

        for (double[] q : GaussianKdeGuardianTest.uniform(100, 8, 54)) {
            double exact = tree.nearestSquaredDistances(q, 10, -1, 0)[9];
            assertThat(tree.nearestSquaredDistances(q, 10, -1, 4)[9]).isGreaterThanOrEqualTo(exact);
        }
    }
}
