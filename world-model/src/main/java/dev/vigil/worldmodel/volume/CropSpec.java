package dev.vigil.worldmodel.volume;

/**
 * A fixed-size crop around a mask: the output shape {@code (sizeX, sizeY, sizeZ)} in voxels, the minimum
 * margin in voxels that must lie between the mask's bounding box and the crop's faces, and the value used for
 * volume voxels outside the source (e.g. -1024 HU, air).
 */
public record CropSpec(int sizeX, int sizeY, int sizeZ, int margin, float padValue) {

    public CropSpec {
        if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
            throw new IllegalArgumentException("Crop size must be at least 1 in every axis, got " + sizeX + "x" + sizeY
                    + "x" + sizeZ);
        }
        if (margin < 0) {
            throw new IllegalArgumentException("Crop margin must be >= 0 voxels, got " + margin);
        }
        if (Float.isInfinite(padValue)) {
            throw new IllegalArgumentException("Crop pad value must be finite or NaN, got " + padValue);
        }
    }

    /** A cube of {@code size} voxels. */
    public static CropSpec cube(int size, int margin, float padValue) {
        return new CropSpec(size, size, size, margin, padValue);
    }
}
