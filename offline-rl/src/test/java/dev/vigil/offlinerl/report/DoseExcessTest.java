package dev.vigil.offlinerl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessBin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden binning. Excess {-3, -1, 0, 0.5, 2, 4}, deaths {yes, no, no, no, yes, yes}.
 *
 * <p>Range 100th percentile: m = 4, 3 bins of width 8/3: [-4, -4/3) holds -3 (1 death of 1); [-4/3, 4/3) holds -1, 0,
 * 0.5 (0 of 3); [4/3, 4] holds 2 and 4 (2 of 2): the U.
 *
 * <p>Range 50th percentile of |excess| = sorted {0, .5, 1, 2, 3, 4} at position 2.5 = 1.5, width 1: [-1.5, -.5)
 * holds -3 (clamped) and -1 (1 of 2); [-.5, .5) holds 0 (0 of 1); [.5, 1.5] holds 0.5 (its lower edge), 2 and 4
 * (clamped): 2 of 3.
 */
class DoseExcessTest {

    private static final double[] EXCESS = {-3, -1, 0, 0.5, 2, 4};
    private static final boolean[] DIED = {true, false, false, false, true, true};

    @Test
    void binsSymmetricallyAroundZeroOverTheWholeRange() {
        List<DoseExcessBin> bins = DoseExcess.bin(EXCESS, DIED, 3, 100);

        assertThat(bins).hasSize(3);
        assertThat(bins.get(0).lower()).isCloseTo(-4, within(1e-12));
        assertThat(bins.get(0).upper()).isCloseTo(-4.0 / 3, within(1e-12));
        assertThat(bins.get(2).upper()).isCloseTo(4, within(1e-12));
        assertThat(bins).extracting(DoseExcessBin::steps).containsExactly(1L, 3L, 2L);
        assertThat(bins).extracting(DoseExcessBin::deaths).containsExactly(1L, 0L, 2L);
        assertThat(bins).extracting(DoseExcessBin::mortality).containsExactly(1.0, 0.0, 1.0);
    }

    @Test
    void aPercentileRangeSendsTheTailsToTheEndBins() {
        List<DoseExcessBin> bins = DoseExcess.bin(EXCESS, DIED, 3, 50);

        assertThat(bins.get(0).lower()).isCloseTo(-1.5, within(1e-12));
        assertThat(bins.get(1).lower()).isCloseTo(-0.5, within(1e-12));
        assertThat(bins).extracting(DoseExcessBin::steps).containsExactly(2L, 1L, 3L);
        assertThat(bins).extracting(DoseExcessBin::deaths).containsExactly(1L, 0L, 2L);
        assertThat(bins.get(2).mortality()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void emptyBinsHaveNoMortalityAndNoExcessGivesOneBin() {
        List<DoseExcessBin> bins = DoseExcess.bin(new double[] {-1, 1}, new boolean[] {true, false}, 5, 100);
        assertThat(bins).extracting(DoseExcessBin::steps).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(bins.get(2).mortality()).isNaN();

        List<DoseExcessBin> zero = DoseExcess.bin(new double[] {0, 0, 0}, new boolean[] {true, false, false}, 9, 98);
        assertThat(zero).singleElement().satisfies(b -> {
            assertThat(b.steps()).isEqualTo(3);
            assertThat(b.mortality()).isCloseTo(1.0 / 3, within(1e-12));
        });
    }

    @Test
    void rejectsAnEvenNumberOfBinsAndNonFiniteExcess() {
        assertThatThrownBy(() -> DoseExcess.bin(EXCESS, DIED, 4, 100)).hasMessageContaining("odd");
        assertThatThrownBy(() -> DoseExcess.bin(new double[] {Double.NaN}, new boolean[] {true}, 3, 100))
                .hasMessageContaining("Dose excess 0");
    }
}
