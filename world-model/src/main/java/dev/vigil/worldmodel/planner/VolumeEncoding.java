package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.volume.HuWindow;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Volume;
import dev.vigil.worldmodel.volume.VolumeGeometry;

/**
 * How CT crops enter and leave the dynamics model: HU through the liver window (level 60, width 150, so
 * -15..135 HU) to [0, 1], masks as 0/1 floats, cubes of the model's size in x-fastest order (the order of
 * {@link Volume}). The liver window separates necrosis (about 15 HU), liver (65) and viable tumour (40 to 130).
 */
public final class VolumeEncoding {

    /** The window used to train and serve. */
    public static final HuWindow WINDOW = HuWindow.LIVER;

    private VolumeEncoding() {}

    /** Checks that the case is a cube of {@code size}^3 voxels, naming the patient and the shapes. */
    public static void requireCube(VolumeGeometry g, int size, String what) {
        if (g.nx() != size || g.ny() != size || g.nz() != size) {
            throw new IllegalArgumentException(what + " has shape " + g.shape() + " but the world model takes "
                    + size + "x" + size + "x" + size + " crops (crop around the tumour to that size first)");
        }
    }

    /** CT in HU to window units [0, 1]. */
    public static float[] encode(Volume ct) {
        float[] out = new float[ct.geometry().voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = WINDOW.apply(ct.get(i));
        }
        return out;
    }

    /** Mask as 0/1 floats. */
    public static float[] encode(Mask mask) {
        float[] out = new float[mask.geometry().voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mask.get(i) ? 1f : 0f;
        }
        return out;
    }

    /** Window units back to HU (values clipped by the window stay at its edges). */
    public static double toHu(float windowed) {
        return WINDOW.lower() + windowed * WINDOW.width();
    }

    /** A windowed model output as a CT volume in HU on the given grid. */
    public static Volume decode(float[] windowed, VolumeGeometry geometry) {
        float[] hu = new float[windowed.length];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (float) toHu(windowed[i]);
        }
        return new Volume(geometry, hu);
    }

    /** Probabilities to a mask at 0.5. */
    public static Mask decodeMask(float[] probability, VolumeGeometry geometry) {
        boolean[] voxels = new boolean[probability.length];
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = probability[i] >= 0.5f;
        }
        return new Mask(geometry, voxels);
    }
}
