package dev.vigil.offlinerl.discretise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StateClustersTest {

    /** Two tight groups far apart: any sound k-means with k = 2 separates them. */
    private static final double[][] ROWS = {{0, 0}, {0, 1}, {10, 10}, {10, 11}};

    @Test
    void separatesTwoObviousGroupsWithCentroidsComputableByHand() {
        StateClusters c = StateClusters.fit(ROWS, 2, 10, new SplittableRandom(1));

        assertThat(c.assign(ROWS[0])).isEqualTo(c.assign(ROWS[1]));
        assertThat(c.assign(ROWS[2])).isEqualTo(c.assign(ROWS[3]));
        assertThat(c.assign(ROWS[0])).isNotEqualTo(c.assign(ROWS[2]));
        // Scaled to [0, 1] by min 0 and max 10 / 11: the low group's mean is (0, 0.5 / 11).
        double[] low = c.centroids()[c.assign(ROWS[0])];
        assertThat(low[0]).isCloseTo(0, within(1e-12));
        assertThat(low[1]).isCloseTo(0.5 / 11, within(1e-12));
        double[] high = c.centroids()[c.assign(ROWS[2])];
        assertThat(high[0]).isCloseTo(1, within(1e-12));
        assertThat(high[1]).isCloseTo(10.5 / 11, within(1e-12));
    }

    @Test
    void sameSeedGivesTheSameClusters() {
        SplittableRandom data = new SplittableRandom(3);
        double[][] rows = new double[300][3];
        for (double[] row : rows) {
            for (int f = 0; f < 3; f++) {
                row[f] = data.nextDouble() * (f + 1);
            }
        }

        StateClusters first = StateClusters.fit(rows, 12, 50, new SplittableRandom(9));
        StateClusters second = StateClusters.fit(rows, 12, 50, new SplittableRandom(9));

        assertThat(second.centroids()).isDeepEqualTo(first.centroids());
        for (double[] row : rows) {
            assertThat(second.assign(row)).isEqualTo(first.assign(row));
        }
    }

    @Test
    void missingValuesTakeTheTrainingMean() {
        double[][] rows = {{0, 0}, {0, 1}, {10, 10}, {10, 11}, {Double.NaN, 0}};
        StateClusters c = StateClusters.fit(rows, 2, 10, new SplittableRandom(1));

        assertThat(c.fill()[0]).isEqualTo(5.0);
        assertThat(c.fill()[1]).isEqualTo(22.0 / 5);
        // A new state missing its second feature is placed as if it were the mean 4.4: nearer the low group.
        assertThat(c.assign(new double[] {0, Double.NaN})).isEqualTo(c.assign(new double[] {0, 0}));
    }

    @Test
    void refusesMoreClustersThanRowsAndWrongWidths() {
        assertThatThrownBy(() -> StateClusters.fit(ROWS, 5, 10, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 5");
        StateClusters c = StateClusters.fit(ROWS, 2, 10, new SplittableRandom(1));
        assertThatThrownBy(() -> c.assign(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 2 features");
    }

    @Test
    void duplicatePointsLeaveExtraClustersEmptyInsteadOfFailing() {
        double[][] same = {{1, 1}, {1, 1}, {1, 1}};
        StateClusters c = StateClusters.fit(same, 3, 10, new SplittableRandom(2));

        assertThat(c.k()).isEqualTo(3);
        assertThat(c.assign(new double[] {1, 1})).isZero();
    }
}
