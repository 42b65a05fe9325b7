package dev.vigil.worldmodel.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.VolumeGeometry;
import org.junit.jupiter.api.Test;

class ShrinkageBaselineTest {

    @Test
    void keepsTheDeepestVoxels() {
        VolumeGeometry g = VolumeGeometry.axisAligned(7, 7, 7, 1, 1, 1);
        Mask cube = Mask.empty(g);
        for (int z = 1; z <= 5; z++) {
            for (int y = 1; y <= 5; y++) {
                for (int x = 1; x <= 5; x++) {
                    cube.set(x, y, z, true);
                }
            }
        }
        Mask centre = ShrinkageBaseline.keepDeepest(cube, 1);
        assertThat(centre.count()).isEqualTo(1);
        assertThat(centre.get(3, 3, 3)).isTrue();
        // The inner 3^3 cube has depth >= 2, the shell depth 1: keeping 27 keeps exactly the inner cube.
        Mask inner = ShrinkageBaseline.keepDeepest(cube, 27);
        assertThat(inner.count()).isEqualTo(27);
        assertThat(inner.get(2, 2, 2)).isTrue();
        assertThat(inner.get(1, 3, 3)).isFalse();
    }
}
