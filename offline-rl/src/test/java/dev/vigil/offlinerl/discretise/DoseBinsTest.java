package dev.vigil.offlinerl.discretise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoseBinsTest {

    @Test
    void quartilesOfNonZeroDosesAndTheirMediansByHand() {
        // Non-zero doses 1..8: quartile edges are the 2nd, 4th and 6th smallest (2, 4, 6), the bins hold
        // {1,2}, {3,4}, {5,6}, {7,8}, with medians 1.5, 3.5, 5.5, 7.5. The zeros are bin 0.
        ActionBins b = ActionBins.fit("fluid", new double[] {0, 8, 3, 0, 1, 5, 2, 7, 4, 6, 0});

        assertThat(b.edges()).containsExactly(2, 4, 6);
        assertThat(b.doses()).containsExactly(0, 1.5, 3.5, 5.5, 7.5);
        assertThat(b.bin(0)).isZero();
        assertThat(b.bin(Double.NaN)).isZero();
        assertThat(b.bin(0.5)).isEqualTo(1);
        assertThat(b.bin(2)).isEqualTo(1);
        assertThat(b.bin(2.01)).isEqualTo(2);
        assertThat(b.bin(6)).isEqualTo(3);
        assertThat(b.bin(1000)).isEqualTo(4);
    }

    @Test
    void oddBinSizesTakeTheMiddleDose() {
        // 1..5: edges ceil(1.25)=2nd -> 2, ceil(2.5)=3rd -> 3, ceil(3.75)=4th -> 4; bins {1,2}, {3}, {4}, {5}.
        ActionBins b = ActionBins.fit("vaso", new double[] {5, 4, 3, 2, 1});

        assertThat(b.edges()).containsExactly(2, 3, 4);
        assertThat(b.doses()).containsExactly(0, 1.5, 3, 4, 5);
    }

    @Test
    void anActionNeverGivenHasOnlyBinZero() {
        ActionBins b = ActionBins.fit("vaso", new double[] {0, 0, 0});

        assertThat(b.count()).isEqualTo(1);
        assertThat(b.bin(0.3)).isZero();
        assertThat(b.dose(0)).isZero();
    }

    @Test
    void fewerThanFourDistinctDosesGiveFewerBinsNeverEmptyOnes() {
        // Edges 1, 1, 1 merge into one; bins {1,1,1} and {2}.
        ActionBins three = ActionBins.fit("a", new double[] {1, 1, 1, 2, 0});
        assertThat(three.edges()).containsExactly(1);
        assertThat(three.doses()).containsExactly(0, 1, 2);

        // One distinct dose: its edge equals the largest dose and is dropped; one non-zero bin.
        ActionBins one = ActionBins.fit("b", new double[] {5, 5, 0});
        assertThat(one.edges()).isEmpty();
        assertThat(one.doses()).containsExactly(0, 5);
        assertThat(one.bin(17)).isEqualTo(1);
    }

    @Test
    void jointIdsArePlacedOnTheProductGridFirstActionMostSignificant() {
        ActionBins fluid = ActionBins.fit("iv_fluid", new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        ActionBins vaso = ActionBins.fit("vasopressor", new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        DoseBins grid = new DoseBins(List.of(fluid, vaso));

        assertThat(grid.size()).isEqualTo(25);
        assertThat(grid.id(new double[] {0, 0})).isZero();
        assertThat(grid.id(new double[] {3, 8})).isEqualTo(2 * 5 + 4);
        assertThat(grid.bins(14)).containsExactly(2, 4);
        assertThat(grid.doses(14)).containsExactly(3.5, 7.5);
    }
}
