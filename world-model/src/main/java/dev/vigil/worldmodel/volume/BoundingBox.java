package dev.vigil.worldmodel.volume;

/** The smallest box of voxels holding every voxel of a non-empty mask; bounds are inclusive. */
public record BoundingBox(int minX, int minY, int minZ, int maxX, int maxY, int maxZ) {

    public BoundingBox {
        if (minX > maxX || minY > maxY || minZ > maxZ) {
            throw new IllegalArgumentException("Bounding box minimum (" + minX + ", " + minY + ", " + minZ
                    + ") exceeds its maximum (" + maxX + ", " + maxY + ", " + maxZ + ")");
        }
    }

    public int sizeX() {
        return maxX - minX + 1;
    }

    public int sizeY() {
        return maxY - minY + 1;
    }

    public int sizeZ() {
        return maxZ - minZ + 1;
    }

    /** Centre in voxel coordinates, {@code (min + max) / 2} per axis (may be a half voxel). */
    public double[] centre() {
        return new double[] {(minX + maxX) / 2.0, (minY + maxY) / 2.0, (minZ + maxZ) / 2.0};
    }
}
