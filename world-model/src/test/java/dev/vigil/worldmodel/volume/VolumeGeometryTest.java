package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VolumeGeometryTest {

    @Test
    void rejectsBadShapesSpacingsAndAffines() {
        double[] identity = VolumeGeometry.axisAligned(1, 1, 1, 1, 1, 1).voxelToWorld();
        assertThatThrownBy(() -> new VolumeGeometry(0, 2, 2, 1, 1, 1, identity)).hasMessageContaining("0x2x2");
        assertThatThrownBy(() -> new VolumeGeometry(2, 2, 2, 1, Double.NaN, 1, identity))
                .hasMessageContaining("spacingY").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new VolumeGeometry(2, 2, 2, 1, 1, 0, identity)).hasMessageContaining("spacingZ");
        assertThatThrownBy(() -> new VolumeGeometry(2, 2, 2, 1, 1, 1, new double[12]))
                .hasMessageContaining("16").hasMessageContaining("12");
        double[] infinite = identity.clone();
        infinite[7] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new VolumeGeometry(2, 2, 2, 1, 1, 1, infinite))
                .hasMessageContaining("voxelToWorld[7] (row 1, column 3)");
    }

    @Test
    void affineIsCopiedInAndOut() {
        double[] affine = VolumeGeometry.axisAligned(1, 1, 1, 2, 2, 2).voxelToWorld();
        VolumeGeometry g = new VolumeGeometry(1, 1, 1, 2, 2, 2, affine);
        affine[0] = 99;
        g.voxelToWorld()[0] = 99;

        assertThat(g.affine(0, 0)).isEqualTo(2);
    }

    @Test
    void negativeZeroInTheAffineEqualsZero() {
        VolumeGeometry g = new VolumeGeometry(1, 1, 1, 1, 1, 1, new double[] {
            1, -0.0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -0.0, 0, 0, 0, 1});

        assertThat(g).isEqualTo(VolumeGeometry.axisAligned(1, 1, 1, 1, 1, 1));
        assertThat(g.hashCode()).isEqualTo(VolumeGeometry.axisAligned(1, 1, 1, 1, 1, 1).hashCode());
    }

    @Test
    void indexIsXFastestThenYThenZ() {
        VolumeGeometry g = VolumeGeometry.axisAligned(4, 3, 2, 1, 1, 1);

        assertThat(g.index(1, 0, 0)).isEqualTo(1);
        assertThat(g.index(0, 1, 0)).isEqualTo(4);
        assertThat(g.index(0, 0, 1)).isEqualTo(12);
        assertThat(g.index(3, 2, 1)).isEqualTo(23);
        assertThatThrownBy(() -> g.index(4, 0, 0)).hasMessageContaining("(4, 0, 0)").hasMessageContaining("4x3x2");
    }

    @Test
    void toWorldAppliesTheAffine() {
        VolumeGeometry g = new VolumeGeometry(2, 2, 2, 2, 3, 4, new double[] {
            0, -3, 0, 10, 2, 0, 0, -20, 0, 0, 4, 5, 0, 0, 0, 1});

        assertThat(g.toWorld(1, 2, 3)).containsExactly(10 - 6, -20 + 2, 5 + 12);
    }

    @Test
    void sameGridToleratesFloatRoundingButNamesShapesWhenTheyDiffer() {
        VolumeGeometry a = VolumeGeometry.axisAligned(4, 3, 2, 0.7, 0.7, 2.5);
        VolumeGeometry roundedThroughFloat = VolumeGeometry.axisAligned(4, 3, 2, (float) 0.7, (float) 0.7, 2.5);
        VolumeGeometry moved = new VolumeGeometry(4, 3, 2, 0.7, 0.7, 2.5, new double[] {
            0.7, 0, 0, 1, 0, 0.7, 0, 0, 0, 0, 2.5, 0, 0, 0, 0, 1});

        assertThat(a.sameGrid(roundedThroughFloat)).isTrue();
        assertThat(a.sameGrid(moved)).isFalse();
        assertThatThrownBy(() -> a.requireSameGrid(VolumeGeometry.axisAligned(4, 3, 3, 1, 1, 1), "volume", "mask"))
                .hasMessageContaining("volume has shape 4x3x2 but mask has shape 4x3x3");
        assertThatThrownBy(() -> a.requireSameGrid(moved, "volume", "mask"))
                .hasMessageContaining("both have shape 4x3x2 but different spacing or affine");
    }

    @Test
    void volumeAndMaskCheckTheirLengthAndCopyArrays() {
        VolumeGeometry g = VolumeGeometry.axisAligned(2, 2, 2, 1, 1, 1);
        float[] values = new float[8];
        Volume v = new Volume(g, values);
        values[0] = 5;
        v.voxels()[1] = 5;

        assertThat(v.get(0, 0, 0)).isZero();
        assertThat(v.get(1, 0, 0)).isZero();
        assertThatThrownBy(() -> new Volume(g, new float[7]))
                .hasMessageContaining("2x2x2 volume needs 8 voxels, got 7");
        assertThatThrownBy(() -> new Mask(g, new boolean[9])).hasMessageContaining("2x2x2 mask needs 8 voxels, got 9");
    }

    @Test
    void maskCountsAndBoundsItsVoxels() {
        Mask mask = Mask.empty(VolumeGeometry.axisAligned(5, 4, 3, 2, 2, 2.5));
        assertThat(mask.isEmpty()).isTrue();
        assertThat(mask.boundingBox()).isEmpty();
        mask.set(1, 3, 0, true);
        mask.set(4, 1, 2, true);
        mask.set(2, 2, 1, true);

        assertThat(mask.count()).isEqualTo(3);
        assertThat(mask.isEmpty()).isFalse();
        assertThat(mask.boundingBox()).contains(new BoundingBox(1, 1, 0, 4, 3, 2));
        assertThat(mask.boundingBox().orElseThrow().centre()).containsExactly(2.5, 2.0, 1.0);
        assertThat(mask.volumeMl()).isEqualTo(3 * 10 / 1000.0);
    }

    @Test
    void thresholdKeepsValuesAtOrAboveIt() {
        Volume v = new Volume(VolumeGeometry.axisAligned(4, 1, 1, 1, 1, 1), new float[] {0.4f, 0.5f, Float.NaN, 3});

        assertThat(Mask.threshold(v, 0.5f).voxels()).containsExactly(false, true, false, true);
    }
}
