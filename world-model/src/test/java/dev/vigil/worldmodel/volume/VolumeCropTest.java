package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolumeCropTest {

    /** 10x10x10, spacing (2, 2, 3), origin (10, 20, 30); voxel value = flat index. */
    private static Volume indexed() {
        VolumeGeometry g = new VolumeGeometry(10, 10, 10, 2, 2, 3, new double[] {
            2, 0, 0, 10, 0, 2, 0, 20, 0, 0, 3, 30, 0, 0, 0, 1});
        Volume v = Volume.zeros(g);
        for (int i = 0; i < g.voxelCount(); i++) {
            v.set(i, i);
        }
        return v;
    }

    /** Bounding box x 3..4, y 5..5, z 0..2. */
    private static Mask lesion(VolumeGeometry g) {
        Mask m = Mask.empty(g);
        m.set(3, 5, 0, true);
        m.set(4, 5, 1, true);
        m.set(3, 5, 2, true);
        return m;
    }

    @Test
    void centresTheCropOnTheBoundingBoxAndPadsOutside() {
        Volume v = indexed();
        Mask m = lesion(v.geometry());

        // start = min - floor((size - extent) / 2): x 3 - 2 = 1, y 5 - 2 = 3, z 0 - floor(5 / 2) = -2.
        CroppedCase crop = VolumeCrop.aroundMask(v, m, new CropSpec(6, 5, 8, 1, -1024));

        assertThat(new int[] {crop.originX(), crop.originY(), crop.originZ()}).containsExactly(1, 3, -2);
        assertThat(crop.volume().geometry().shape()).isEqualTo("6x5x8");
        assertThat(crop.volume().get(0, 0, 0)).isEqualTo(-1024);
        assertThat(crop.volume().get(0, 0, 1)).isEqualTo(-1024);
        assertThat(crop.volume().get(0, 0, 2)).isEqualTo(1 + 10 * 3);
        assertThat(crop.volume().get(5, 4, 7)).isEqualTo(6 + 10 * 7 + 100 * 5);
        assertThat(crop.mask().count()).isEqualTo(3);
        assertThat(crop.mask().get(2, 2, 2)).isTrue();
        assertThat(crop.mask().get(3, 2, 3)).isTrue();
        assertThat(crop.mask().get(2, 2, 4)).isTrue();
        assertThat(crop.mask().boundingBox()).contains(new BoundingBox(2, 2, 2, 3, 2, 4));
    }

    @Test
    void croppedVoxelsKeepTheirWorldPositions() {
        Volume v = indexed();
        CroppedCase crop = VolumeCrop.aroundMask(v, lesion(v.geometry()), new CropSpec(6, 5, 8, 1, 0));
        VolumeGeometry g = crop.volume().geometry();

        // Translation = world position of source voxel (1, 3, -2) = (10 + 2, 20 + 6, 30 - 6).
        assertThat(g.voxelToWorld()).containsExactly(2, 0, 0, 12, 0, 2, 0, 26, 0, 0, 3, 24, 0, 0, 0, 1);
        assertThat(g.toWorld(2, 2, 2)).containsExactly(v.geometry().toWorld(3, 5, 0), within(1e-12));
        assertThat(crop.mask().geometry()).isEqualTo(g);
    }

    @Test
    void padsPastTheFarFaces() {
        Volume v = indexed();
        Volume out = VolumeCrop.crop(v, 8, 8, 8, 4, 4, 4, Float.NaN);

        assertThat(out.get(1, 1, 1)).isEqualTo(999);
        assertThat(out.get(2, 1, 1)).isNaN();
        assertThat(out.get(1, 1, 2)).isNaN();
    }

    @Test
    void refusesWhenTheMaskAndMarginDoNotFit() {
        Volume v = indexed();
        Mask m = lesion(v.geometry());

        assertThatThrownBy(() -> VolumeCrop.aroundMask(v, m, new CropSpec(8, 8, 8, 3, 0)))
                .hasMessageContaining("3 voxels along z").hasMessageContaining("needs 9 but the crop is 8");
    }

    @Test
    void refusesAnEmptyMaskAndAMismatchedGrid() {
        Volume v = indexed();
        Mask empty = Mask.empty(v.geometry());
        Mask other = Mask.empty(VolumeGeometry.axisAligned(10, 10, 9, 2, 2, 3));
        other.set(0, 0, 0, true);

        assertThatThrownBy(() -> VolumeCrop.aroundMask(v, empty, CropSpec.cube(4, 0, 0)))
                .hasMessageContaining("empty mask").hasMessageContaining("10x10x10");
        assertThatThrownBy(() -> VolumeCrop.aroundMask(v, other, CropSpec.cube(4, 0, 0)))
                .hasMessageContaining("volume has shape 10x10x10 but mask has shape 10x10x9");
    }
}
