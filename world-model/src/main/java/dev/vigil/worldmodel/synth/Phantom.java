package dev.vigil.worldmodel.synth;

import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Volume;

/**
 * A rendered CT crop and its tumour mask, on the same grid.
 *
 * @param ct Hounsfield units, float32
 * @param mask voxels inside any lesion drawn in the crop
 */
public record Phantom(Volume ct, Mask mask) {

    public Phantom {
        ct.geometry().requireSameGrid(mask.geometry(), "ct", "mask");
    }
}
