package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.SliceRenderer;
import dev.vigil.worldmodel.volume.Volume;

/**
 * The images behind one ranked plan: the patient's pre-treatment CT and mask, and the mean over the K
 * simulations of the post-treatment CT (HU) and the post-treatment tumour (mean probability >= 0.5).
 */
public record PlanImages(Volume preCt, Mask preMask, Volume postCt, Mask postMask) {

    /** Pixels per voxel edge in the PNG slices. */
    public static final int SCALE = 4;

    /** Axial slice {@code z} of {@code pre} or {@code post} as PNG, liver window, tumour outlined in red. */
    public byte[] slicePng(String which, int z) {
        if ("pre".equals(which)) {
            return SliceRenderer.render(preCt, z, VolumeEncoding.WINDOW, preMask, SliceRenderer.Overlay.OUTLINE,
                    SCALE);
        }
        if ("post".equals(which)) {
            return SliceRenderer.render(postCt, z, VolumeEncoding.WINDOW, postMask, SliceRenderer.Overlay.OUTLINE,
                    SCALE);
        }
        throw new IllegalArgumentException("slice '" + which + "' is not one of pre, post");
    }

    /** Number of axial slices. */
    public int depth() {
        return preCt.geometry().nz();
    }
}
