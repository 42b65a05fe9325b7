package dev.vigil.worldmodel.volume;

/**
 * A scalar 3-D image: one float per voxel on a {@link VolumeGeometry}, stored x fastest, then y, then z
 * (the NIfTI order), so voxel {@code (x, y, z)} is element {@code x + nx * (y + ny * z)}. For CT the values are
 * Hounsfield units after the file's scaling. Mutable through {@link #set}; arrays are copied in and out.
 */
public final class Volume {

    private final VolumeGeometry geometry;
    private final float[] voxels;

    /** Copies {@code voxels}, whose length must be {@code nx * ny * nz}. */
    public Volume(VolumeGeometry geometry, float[] voxels) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry is null");
        }
        if (voxels == null || voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("A " + geometry.shape() + " volume needs " + geometry.voxelCount()
                    + " voxels, got " + (voxels == null ? "null" : String.valueOf(voxels.length)));
        }
        this.geometry = geometry;
        this.voxels = voxels.clone();
    }

    private Volume(VolumeGeometry geometry) {
        this.geometry = geometry;
        this.voxels = new float[geometry.voxelCount()];
    }

    /** A volume of zeros on {@code geometry}. */
    public static Volume zeros(VolumeGeometry geometry) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry is null");
        }
        return new Volume(geometry);
    }

    /** A volume filled with {@code value}. */
    public static Volume filled(VolumeGeometry geometry, float value) {
        Volume volume = zeros(geometry);
        java.util.Arrays.fill(volume.voxels, value);
        return volume;
    }

    public VolumeGeometry geometry() {
        return geometry;
    }

    public float get(int x, int y, int z) {
        return voxels[geometry.index(x, y, z)];
    }

    public void set(int x, int y, int z, float value) {
        voxels[geometry.index(x, y, z)] = value;
    }

    /** Voxel {@code i} of the flat array (x fastest); no copy. */
    public float get(int i) {
        return voxels[i];
    }

    /** Sets voxel {@code i} of the flat array (x fastest). */
    public void set(int i, float value) {
        voxels[i] = value;
    }

    /** A copy of the voxels, x fastest, then y, then z. */
    public float[] voxels() {
        return voxels.clone();
    }

    /** A deep copy. */
    public Volume copy() {
        return new Volume(geometry, voxels);
    }
}
