package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResampleTest {

    private static Volume row(float... values) {
        return new Volume(VolumeGeometry.axisAligned(values.length, 1, 1, 1, 1, 1), values);
    }

    @Test
    void downsamplingAveragesNeighboursAtCellCentres() {
        // Target centres at source x = (i + 0.5) * 2 - 0.5 = 0.5 and 2.5.
        assertThat(Resample.volume(row(0, 10, 20, 30), 2, 1, 1).voxels()).containsExactly(5f, 25f);
    }

    @Test
    void upsamplingInterpolatesAndHoldsTheEdges() {
        // Target centres at source x = -0.25 (edge: 0), 0.25, 0.75, 1.25 (edge: 10).
        assertThat(Resample.volume(row(0, 10), 4, 1, 1).voxels()).containsExactly(0f, 2.5f, 7.5f, 10f);
    }

    @Test
    void trilinearReproducesALinearFieldInside() {
        VolumeGeometry g = VolumeGeometry.axisAligned(4, 4, 4, 1, 1, 1);
        Volume v = Volume.zeros(g);
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    v.set(x, y, z, x + 2 * y + 3 * z);
                }
            }
        }

        Volume up = Resample.volume(v, 8, 8, 8);

        // Target 3 -> source 1.25; target 4 -> 1.75; target 0 -> -0.25, held at 0.
        assertThat(up.get(3, 3, 3)).isCloseTo(1.25f * 6, within(1e-5f));
        assertThat(up.get(4, 3, 5)).isCloseTo(1.75f + 2 * 1.25f + 3 * 2.25f, within(1e-5f));
        assertThat(up.get(0, 3, 3)).isCloseTo(0 + 2 * 1.25f + 3 * 1.25f, within(1e-5f));
    }

    @Test
    void geometryScalesSpacingAndKeepsTheCoveredBox() {
        VolumeGeometry g = new VolumeGeometry(4, 4, 2, 1, 1, 3, new double[] {
            -1, 0, 0, 100, 0, 1, 0, 50, 0, 0, 3, 10, 0, 0, 0, 1});

        VolumeGeometry r = Resample.resampledGeometry(g, 8, 2, 2);

        assertThat(new double[] {r.spacingX(), r.spacingY(), r.spacingZ()}).containsExactly(0.5, 2, 3);
        // First centre at source (-0.25, 0.5, 0): world (100 + 0.25, 50 + 0.5, 10).
        assertThat(r.voxelToWorld()).containsExactly(-0.5, 0, 0, 100.25, 0, 2, 0, 50.5, 0, 0, 3, 10, 0, 0, 0, 1);
        // The corner of the covered box, voxel (-0.5, -0.5, -0.5), stays in place.
        assertThat(r.toWorld(-0.5, -0.5, -0.5)).containsExactly(g.toWorld(-0.5, -0.5, -0.5), within(1e-12));
        assertThat(r.toWorld(7.5, 1.5, 1.5)).containsExactly(g.toWorld(3.5, 3.5, 1.5), within(1e-12));
    }

    @Test
    void masksTakeTheSourceVoxelHoldingEachCentre() {
        VolumeGeometry g4 = VolumeGeometry.axisAligned(4, 1, 1, 1, 1, 1);
        Mask m = new Mask(g4, new boolean[] {false, true, true, false});
        Mask two = new Mask(VolumeGeometry.axisAligned(2, 1, 1, 1, 1, 1), new boolean[] {true, false});

        // Centres at source 0.5 and 2.5 fall in voxels 1 and 3 (floor((i + 0.5) * 2)).
        assertThat(Resample.mask(m, 2, 1, 1).voxels()).containsExactly(true, false);
        assertThat(Resample.mask(two, 4, 1, 1).voxels()).containsExactly(true, true, false, false);
        assertThat(Resample.mask(m, 2, 1, 1).geometry()).isEqualTo(Resample.resampledGeometry(g4, 2, 1, 1));
    }

    @Test
    void rejectsAnEmptyTargetShape() {
        assertThatThrownBy(() -> Resample.volume(row(1, 2), 0, 1, 1)).hasMessageContaining("0x1x1")
                .hasMessageContaining("source 2x1x1");
    }
}
