package dev.vigil.worldmodel.volume;

/**
 * A CT display window: Hounsfield units in {@code [level - width/2, level + width/2]} map linearly to
 * {@code [0, 1]}; values below map to 0, above to 1, NaN to 0. Used to normalise CT for the world model and to
 * render slices.
 */
public record HuWindow(double level, double width) {

    /** Liver soft tissue (level 60, width 150): separates enhancing tumour from parenchyma. */
    public static final HuWindow LIVER = new HuWindow(60, 150);
    /** Abdominal soft tissue (level 40, width 400). */
    public static final HuWindow ABDOMEN = new HuWindow(40, 400);
    /** Bone (level 400, width 1800): iodised oil (Lipiodol) deposits after TACE stay visible. */
    public static final HuWindow BONE = new HuWindow(400, 1800);

    public HuWindow {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("Window level must be a finite number of HU, got " + level);
        }
        if (!(Double.isFinite(width) && width > 0)) {
            throw new IllegalArgumentException("Window width must be a finite positive number of HU, got " + width);
        }
    }

    /** Lower edge of the window in HU: values at or below it map to 0. */
    public double lower() {
        return level - width / 2;
    }

    /** Upper edge of the window in HU: values at or above it map to 1. */
    public double upper() {
        return level + width / 2;
    }

    /** {@code hu} mapped to {@code [0, 1]}. */
    public float apply(double hu) {
        if (Double.isNaN(hu)) {
            return 0;
        }
        double t = (hu - lower()) / width;
        return (float) Math.min(1, Math.max(0, t));
    }

    /** A new volume on the same grid with every voxel windowed. */
    public Volume apply(Volume volume) {
        Volume out = Volume.zeros(volume.geometry());
        for (int i = 0; i < volume.geometry().voxelCount(); i++) {
            out.set(i, apply(volume.get(i)));
        }
        return out;
    }
}
