package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OverlapTest {

    /** Spacing 2 x 2 x 2.5 mm: 10 mm³ = 0.01 mL per voxel. */
    private static final VolumeGeometry GRID = VolumeGeometry.axisAligned(4, 4, 2, 2, 2, 2.5);

    private static Mask mask(int... flatIndices) {
        Mask m = Mask.empty(GRID);
        for (int i : flatIndices) {
            m.set(i, true);
        }
        return m;
    }

    @Test
    void handComputedMetrics() {
        // |A| = 4, |B| = 6, |A ∩ B| = 3 (voxels 1, 2, 3); |A ∪ B| = 7.
        Mask a = mask(0, 1, 2, 3);
        Mask b = mask(1, 2, 3, 10, 20, 31);

        assertThat(Overlap.dice(a, b)).isCloseTo(0.6, within(1e-12));
        assertThat(Overlap.jaccard(a, b)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(Overlap.volumeMl(a)).isCloseTo(0.04, within(1e-12));
        assertThat(Overlap.volumeMl(b)).isCloseTo(0.06, within(1e-12));
        assertThat(Overlap.relativeVolumeError(a, b)).isCloseTo(-1.0 / 3, within(1e-12));
        assertThat(Overlap.relativeVolumeError(b, a)).isCloseTo(0.5, within(1e-12));
        Overlap.Report r = Overlap.compare(a, b);
        assertThat(r.dice()).isCloseTo(0.6, within(1e-12));
        assertThat(r.jaccard()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(r.predictedMl()).isCloseTo(0.04, within(1e-12));
        assertThat(r.referenceMl()).isCloseTo(0.06, within(1e-12));
        assertThat(r.relativeVolumeError()).isCloseTo(-1.0 / 3, within(1e-12));
    }

    @Test
    void identicalMasksAgreePerfectlyAndDisjointOnesNotAtAll() {
        assertThat(Overlap.dice(mask(5, 6), mask(5, 6))).isEqualTo(1.0);
        assertThat(Overlap.dice(mask(5, 6), mask(7))).isEqualTo(0.0);
        assertThat(Overlap.jaccard(mask(5, 6), mask(7))).isEqualTo(0.0);
    }

    @Test
    void bothEmptyCountsAsPerfectAgreement() {
        assertThat(Overlap.dice(mask(), mask())).isEqualTo(1.0);
        assertThat(Overlap.jaccard(mask(), mask())).isEqualTo(1.0);
        assertThat(Overlap.relativeVolumeError(mask(), mask())).isEqualTo(0.0);
    }

    @Test
    void oneEmptyGivesZeroOverlapAndNoRelativeErrorAgainstAnEmptyReference() {
        assertThat(Overlap.dice(mask(), mask(3))).isEqualTo(0.0);
        assertThat(Overlap.relativeVolumeError(mask(), mask(3))).isEqualTo(-1.0);
        assertThatThrownBy(() -> Overlap.relativeVolumeError(mask(3, 4), mask()))
                .hasMessageContaining("reference mask is empty").hasMessageContaining("2 voxels");
        assertThat(Overlap.compare(mask(3, 4), mask()).relativeVolumeError()).isNaN();
    }

    @Test
    void refusesMasksOnDifferentGrids() {
        Mask other = Mask.empty(VolumeGeometry.axisAligned(4, 4, 3, 2, 2, 2.5));

        assertThatThrownBy(() -> Overlap.dice(mask(1), other))
                .hasMessageContaining("predicted mask has shape 4x4x2 but reference mask has shape 4x4x3");
    }
}
