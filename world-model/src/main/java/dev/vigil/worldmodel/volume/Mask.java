package dev.vigil.worldmodel.volume;

import java.util.Optional;

/**
 * A binary 3-D image (e.g. a tumour segmentation) on a {@link VolumeGeometry}: one boolean per voxel, x
 * fastest, then y, then z, as in {@link Volume}. Mutable through {@link #set}; arrays are copied in and out.
 */
public final class Mask {

    private final VolumeGeometry geometry;
    private final boolean[] voxels;

    /** Copies {@code voxels}, whose length must be {@code nx * ny * nz}. */
    public Mask(VolumeGeometry geometry, boolean[] voxels) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry is null");
        }
        if (voxels == null || voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("A " + geometry.shape() + " mask needs " + geometry.voxelCount()
                    + " voxels, got " + (voxels == null ? "null" : String.valueOf(voxels.length)));
        }
        this.geometry = geometry;
        this.voxels = voxels.clone();
    }

    private Mask(VolumeGeometry geometry) {
        this.geometry = geometry;
        this.voxels = new boolean[geometry.voxelCount()];
    }

    /** A mask with no voxel set. */
    public static Mask empty(VolumeGeometry geometry) {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry is null");
        }
        return new Mask(geometry);
    }

    /** The voxels of {@code volume} whose value is {@code >= threshold} (NaN voxels are outside). */
    public static Mask threshold(Volume volume, float threshold) {
        Mask mask = new Mask(volume.geometry());
        for (int i = 0; i < mask.voxels.length; i++) {
            mask.voxels[i] = volume.get(i) >= threshold;
        }
        return mask;
    }

    /**
     * The voxels of a label map equal to {@code label} (e.g. 2 for tumour in a liver = 1, tumour = 2
     * segmentation such as TCIA HCC-TACE-Seg's).
     */
    public static Mask label(Volume labels, int label) {
        Mask mask = new Mask(labels.geometry());
        for (int i = 0; i < mask.voxels.length; i++) {
            mask.voxels[i] = labels.get(i) == label;
        }
        return mask;
    }

    public VolumeGeometry geometry() {
        return geometry;
    }

    public boolean get(int x, int y, int z) {
        return voxels[geometry.index(x, y, z)];
    }

    public void set(int x, int y, int z, boolean value) {
        voxels[geometry.index(x, y, z)] = value;
    }

    /** Voxel {@code i} of the flat array (x fastest). */
    public boolean get(int i) {
        return voxels[i];
    }

    /** Sets voxel {@code i} of the flat array (x fastest). */
    public void set(int i, boolean value) {
        voxels[i] = value;
    }

    /** A copy of the voxels, x fastest, then y, then z. */
    public boolean[] voxels() {
        return voxels.clone();
    }

    /** Number of voxels in the mask. */
    public int count() {
        int n = 0;
        for (boolean v : voxels) {
            if (v) {
                n++;
            }
        }
        return n;
    }

    public boolean isEmpty() {
        for (boolean v : voxels) {
            if (v) {
                return false;
            }
        }
        return true;
    }

    /** Volume of the mask in mL: voxel count times the product of the spacings (mm³) / 1000. */
    public double volumeMl() {
        return count() * geometry.voxelVolumeMm3() / 1000.0;
    }

    /** The smallest box holding every voxel of the mask; empty for an empty mask. */
    public Optional<BoundingBox> boundingBox() {
        int nx = geometry.nx();
        int ny = geometry.ny();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int minZ = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int maxZ = -1;
        for (int i = 0; i < voxels.length; i++) {
            if (voxels[i]) {
                int x = i % nx;
                int y = (i / nx) % ny;
                int z = i / (nx * ny);
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                minZ = Math.min(minZ, z);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
                maxZ = Math.max(maxZ, z);
            }
        }
        return maxX < 0 ? Optional.empty() : Optional.of(new BoundingBox(minX, minY, minZ, maxX, maxY, maxZ));
    }

    /** A deep copy. */
    public Mask copy() {
        return new Mask(geometry, voxels);
    }
}
