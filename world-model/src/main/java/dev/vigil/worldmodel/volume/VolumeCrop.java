package dev.vigil.worldmodel.volume;

/**
 * Crops volumes and masks to a box of voxels, padding where the box leaves the source, and crops a case to a
 * fixed-size box centred on its mask. The cropped geometry keeps spacing and axis directions; its affine's
 * translation moves to the world position of the box's first voxel, so every voxel keeps its world position.
 */
public final class VolumeCrop {

    private VolumeCrop() {
    }

    /**
     * Crops {@code volume} and {@code mask} (which must share a grid) to {@code spec}'s size, centred on the
     * mask's bounding box: per axis the box starts at {@code min - floor((size - extent) / 2)}, where
     * {@code extent = max - min + 1}, so any odd voxel of slack goes after the mask.
     *
     * @throws IllegalArgumentException when the mask is empty, the grids differ, or the bounding box plus the
     *     margin on both sides does not fit the crop in some axis
     */
    public static CroppedCase aroundMask(Volume volume, Mask mask, CropSpec spec) {
        volume.geometry().requireSameGrid(mask.geometry(), "volume", "mask");
        BoundingBox box = mask.boundingBox().orElseThrow(() -> new IllegalArgumentException(
                "Cannot crop around an empty mask (shape " + mask.geometry().shape() + ", no voxel set)"));
        int ox = start("x", box.minX(), box.sizeX(), spec.sizeX(), spec.margin());
        int oy = start("y", box.minY(), box.sizeY(), spec.sizeY(), spec.margin());
        int oz = start("z", box.minZ(), box.sizeZ(), spec.sizeZ(), spec.margin());
        Volume v = crop(volume, ox, oy, oz, spec.sizeX(), spec.sizeY(), spec.sizeZ(), spec.padValue());
        Mask m = crop(mask, ox, oy, oz, spec.sizeX(), spec.sizeY(), spec.sizeZ());
        return new CroppedCase(v, m, ox, oy, oz);
    }

    private static int start(String axis, int min, int extent, int size, int margin) {
        if (extent + 2L * margin > size) {
            throw new IllegalArgumentException("The mask's bounding box is " + extent + " voxels along " + axis
                    + "; with a margin of " + margin + " on both sides it needs " + (extent + 2L * margin)
                    + " but the crop is " + size + " (enlarge the crop, lower the margin or resample first)");
        }
        return min - Math.floorDiv(size - extent, 2);
    }

    /** The box of {@code size} voxels starting at source voxel {@code (ox, oy, oz)}; outside voxels get {@code pad}. */
    public static Volume crop(Volume volume, int ox, int oy, int oz, int sx, int sy, int sz, float pad) {
        VolumeGeometry g = volume.geometry();
        Volume out = Volume.filled(croppedGeometry(g, ox, oy, oz, sx, sy, sz), pad);
        for (int z = Math.max(0, -oz); z < Math.min(sz, g.nz() - oz); z++) {
            for (int y = Math.max(0, -oy); y < Math.min(sy, g.ny() - oy); y++) {
                for (int x = Math.max(0, -ox); x < Math.min(sx, g.nx() - ox); x++) {
                    out.set(x, y, z, volume.get(ox + x, oy + y, oz + z));
                }
            }
        }
        return out;
    }

    /** The box of {@code size} voxels starting at source voxel {@code (ox, oy, oz)}; outside voxels are unset. */
    public static Mask crop(Mask mask, int ox, int oy, int oz, int sx, int sy, int sz) {
        VolumeGeometry g = mask.geometry();
        Mask out = Mask.empty(croppedGeometry(g, ox, oy, oz, sx, sy, sz));
        for (int z = Math.max(0, -oz); z < Math.min(sz, g.nz() - oz); z++) {
            for (int y = Math.max(0, -oy); y < Math.min(sy, g.ny() - oy); y++) {
                for (int x = Math.max(0, -ox); x < Math.min(sx, g.nx() - ox); x++) {
                    out.set(x, y, z, mask.get(ox + x, oy + y, oz + z));
                }
            }
        }
        return out;
    }

    /** Same spacing and directions; the translation is the world position of source voxel {@code (ox, oy, oz)}. */
    static VolumeGeometry croppedGeometry(VolumeGeometry g, int ox, int oy, int oz, int sx, int sy, int sz) {
        double[] affine = g.voxelToWorld();
        double[] origin = g.toWorld(ox, oy, oz);
        for (int r = 0; r < 3; r++) {
            affine[r * 4 + 3] = origin[r];
        }
        return new VolumeGeometry(sx, sy, sz, g.spacingX(), g.spacingY(), g.spacingZ(), affine);
    }
}
