package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReorientTest {

    /** Voxel axis 0 along +A (2 mm), axis 1 along -R (3 mm), axis 2 along -S (4 mm); shape 2x3x4. */
    private static final VolumeGeometry SWAPPED = new VolumeGeometry(2, 3, 4, 2, 3, 4, new double[] {
        0, -3, 0, 10, 2, 0, 0, -20, 0, 0, -4, 5, 0, 0, 0, 1});

    private static Volume indexed(VolumeGeometry g) {
        Volume v = Volume.zeros(g);
        for (int i = 0; i < g.voxelCount(); i++) {
            v.set(i, i);
        }
        return v;
    }

    @Test
    void permutesAndFlipsToTheHandComputedRasGrid() {
        // x' <- axis 1 flipped, y' <- axis 0, z' <- axis 2 flipped. Translation = t + col1 * (3 - 1) + col2 * (4 - 1)
        // = (10, -20, 5) + (-6, 0, 0) + (0, 0, -12).
        Volume ras = Reorient.toRas(indexed(SWAPPED));
        VolumeGeometry g = ras.geometry();

        assertThat(g.shape()).isEqualTo("3x2x4");
        assertThat(new double[] {g.spacingX(), g.spacingY(), g.spacingZ()}).containsExactly(3, 2, 4);
        assertThat(g.voxelToWorld()).containsExactly(3, 0, 0, 4, 0, 2, 0, -20, 0, 0, 4, -7, 0, 0, 0, 1);
        assertThat(Reorient.isRas(g)).isTrue();
        assertThat(Reorient.isRas(SWAPPED)).isFalse();
        // Output (0, 0, 0) is input (0, 2, 3): flat index 0 + 2 * 2 + 6 * 3 = 22.
        assertThat(ras.get(0, 0, 0)).isEqualTo(22);
    }

    @Test
    void everyVoxelKeepsItsValueAndWorldPosition() {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        VolumeGeometry lpsOblique = new VolumeGeometry(4, 3, 5, 0.8, 0.8, 2, new double[] {
            -0.8 * c, 0, 2 * s, 100, 0, -0.8, 0, 50, 0.8 * s, 0, -2 * c, -30, 0, 0, 0, 1});
        Volume v = indexed(lpsOblique);

        Volume ras = Reorient.toRas(v);

        VolumeGeometry g = ras.geometry();
        for (int z = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++) {
                    int i = (int) ras.get(x, y, z);
                    int sx = i % 4;
                    int sy = (i / 4) % 3;
                    int sz = i / 12;
                    assertThat(g.toWorld(x, y, z)).containsExactly(lpsOblique.toWorld(sx, sy, sz), within(1e-9));
                }
            }
        }
        assertThat(g.affine(0, 0)).isPositive();
        assertThat(g.affine(1, 1)).isPositive();
        assertThat(g.affine(2, 2)).isPositive();
    }

    @Test
    void axisCodesNameWhereEachVoxelAxisPoints() {
        VolumeGeometry lps = new VolumeGeometry(2, 2, 2, 1, 1, 1, new double[] {
            -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});

        assertThat(Reorient.axisCodes(SWAPPED)).isEqualTo("ALI");
        assertThat(Reorient.axisCodes(lps)).isEqualTo("LPS");
        assertThat(Reorient.axisCodes(Reorient.toRas(Volume.zeros(SWAPPED)).geometry())).isEqualTo("RAS");
    }

    @Test
    void masksMoveWithTheirVolumes() {
        Mask m = Mask.empty(SWAPPED);
        m.set(0, 2, 3, true);
        m.set(1, 0, 0, true);

        Mask ras = Reorient.toRas(m);

        // Input (0, 2, 3) -> output (0, 0, 0); input (1, 0, 0) -> output (2, 1, 3).
        assertThat(ras.count()).isEqualTo(2);
        assertThat(ras.get(0, 0, 0)).isTrue();
        assertThat(ras.get(2, 1, 3)).isTrue();
        assertThat(ras.geometry()).isEqualTo(Reorient.toRas(indexed(SWAPPED)).geometry());
    }

    @Test
    void rasGridsAreLeftAsTheyAre() {
        VolumeGeometry g = VolumeGeometry.axisAligned(3, 2, 2, 1, 1, 1);
        Volume v = indexed(g);

        Volume same = Reorient.toRas(v);

        assertThat(same.geometry()).isEqualTo(g);
        assertThat(same.voxels()).containsExactly(v.voxels());
    }

    @Test
    void labelPicksOneValueOfALabelMap() {
        Volume labels = new Volume(VolumeGeometry.axisAligned(5, 1, 1, 1, 1, 1), new float[] {0, 1, 2, 2, 1});

        assertThat(Mask.label(labels, 2).voxels()).containsExactly(false, false, true, true, false);
    }
}
