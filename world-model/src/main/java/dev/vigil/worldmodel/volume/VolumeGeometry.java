package dev.vigil.worldmodel.volume;

import java.util.Arrays;

/**
 * The voxel grid of a volume or mask: shape {@code (nx, ny, nz)}, voxel spacing in mm (NIfTI {@code pixdim[1..3]})
 * and the voxel-to-world affine, a 4x4 row-major matrix that maps voxel indices {@code (x, y, z, 1)} to RAS+
 * millimetres (the NIfTI convention). The affine is authoritative for world positions; the spacing is what
 * volume measurements (mL) use. For files written by Vigil the affine's column norms equal the spacing.
 *
 * <p>The affine array is copied in and out, so a geometry is immutable.
 */
public record VolumeGeometry(int nx, int ny, int nz, double spacingX, double spacingY, double spacingZ,
        double[] voxelToWorld) {

    /** Relative tolerance for {@link #sameGrid}: float32 headers carry about 7 significant digits. */
    private static final double GRID_TOLERANCE = 1e-5;

    public VolumeGeometry {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("Volume shape must be at least 1 in every axis, got " + nx + "x" + ny
                    + "x" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Volume shape " + nx + "x" + ny + "x" + nz
                    + " has more voxels than one Java array can hold");
        }
        requireSpacing("spacingX", spacingX);
        requireSpacing("spacingY", spacingY);
        requireSpacing("spacingZ", spacingZ);
        if (voxelToWorld == null || voxelToWorld.length != 16) {
            throw new IllegalArgumentException("voxelToWorld must be a 4x4 row-major matrix of 16 numbers, got "
                    + (voxelToWorld == null ? "null" : voxelToWorld.length + " numbers"));
        }
        voxelToWorld = voxelToWorld.clone();
        for (int i = 0; i < 16; i++) {
            if (!Double.isFinite(voxelToWorld[i])) {
                throw new IllegalArgumentException("voxelToWorld[" + i + "] (row " + i / 4 + ", column " + i % 4
                        + ") is " + voxelToWorld[i] + "; every affine entry must be finite");
            }
            voxelToWorld[i] += 0.0; // -0.0 becomes 0.0, so flipped axes compare equal in equals()
        }
    }

    private static void requireSpacing(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be a finite positive number of mm, got " + value);
        }
    }

    /** A grid whose affine is the diagonal of the spacing with the voxel (0, 0, 0) at the world origin. */
    public static VolumeGeometry axisAligned(int nx, int ny, int nz, double spacingX, double spacingY,
            double spacingZ) {
        return new VolumeGeometry(nx, ny, nz, spacingX, spacingY, spacingZ, new double[] {
            spacingX, 0, 0, 0,
            0, spacingY, 0, 0,
            0, 0, spacingZ, 0,
            0, 0, 0, 1});
    }

    /** A copy of the 4x4 row-major voxel-to-world affine. */
    @Override
    public double[] voxelToWorld() {
        return voxelToWorld.clone();
    }

    /** Entry {@code (row, column)} of the affine, without copying it. */
    public double affine(int row, int column) {
        return voxelToWorld[row * 4 + column];
    }

    /** {@code nx * ny * nz}. */
    public int voxelCount() {
        return nx * ny * nz;
    }

    /** Volume of one voxel in mm³, the product of the spacings. */
    public double voxelVolumeMm3() {
        return spacingX * spacingY * spacingZ;
    }

    /** Index into a flat voxel array, x fastest, then y, then z. */
    public int index(int x, int y, int z) {
        if (x < 0 || x >= nx || y < 0 || y >= ny || z < 0 || z >= nz) {
            throw new IndexOutOfBoundsException("Voxel (" + x + ", " + y + ", " + z + ") is outside the "
                    + shape() + " grid");
        }
        return x + nx * (y + ny * z);
    }

    /** The shape as text, e.g. {@code 64x64x32}, for messages. */
    public String shape() {
        return nx + "x" + ny + "x" + nz;
    }

    /** World coordinates (mm, RAS+) of the continuous voxel position {@code (x, y, z)}. */
    public double[] toWorld(double x, double y, double z) {
        double[] world = new double[3];
        for (int r = 0; r < 3; r++) {
            world[r] = affine(r, 0) * x + affine(r, 1) * y + affine(r, 2) * z + affine(r, 3);
        }
        return world;
    }

    /**
     * True when both grids have the same shape and, within a relative tolerance of 1e-5 (float32 headers),
     * the same spacing and affine: voxel {@code (x, y, z)} is then the same place in both.
     */
    public boolean sameGrid(VolumeGeometry other) {
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            return false;
        }
        double scale = 1;
        for (int i = 0; i < 16; i++) {
            scale = Math.max(scale, Math.abs(voxelToWorld[i]));
        }
        for (int i = 0; i < 16; i++) {
            if (Math.abs(voxelToWorld[i] - other.voxelToWorld[i]) > GRID_TOLERANCE * scale) {
                return false;
            }
        }
        return close(spacingX, other.spacingX) && close(spacingY, other.spacingY) && close(spacingZ, other.spacingZ);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= GRID_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * Throws unless {@link #sameGrid} holds; the message names both things and both shapes (and says when only
     * spacing or position differ).
     */
    public void requireSameGrid(VolumeGeometry other, String thisName, String otherName) {
        if (sameGrid(other)) {
            return;
        }
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            throw new IllegalArgumentException(thisName + " has shape " + shape() + " but " + otherName
                    + " has shape " + other.shape() + "; they must be on the same grid (resample one first)");
        }
        throw new IllegalArgumentException(thisName + " and " + otherName + " both have shape " + shape()
                + " but different spacing or affine (" + describe() + " vs " + other.describe()
                + "); they must be on the same grid");
    }

    private String describe() {
        return "spacing " + spacingX + "/" + spacingY + "/" + spacingZ + " mm, affine " + Arrays.toString(voxelToWorld);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeGeometry g && nx == g.nx && ny == g.ny && nz == g.nz
                && Double.compare(spacingX, g.spacingX) == 0 && Double.compare(spacingY, g.spacingY) == 0
                && Double.compare(spacingZ, g.spacingZ) == 0 && Arrays.equals(voxelToWorld, g.voxelToWorld);
    }

    @Override
    public int hashCode() {
        int h = 31 * (31 * nx + ny) + nz;
        h = 31 * h + Double.hashCode(spacingX);
        h = 31 * h + Double.hashCode(spacingY);
        h = 31 * h + Double.hashCode(spacingZ);
        return 31 * h + Arrays.hashCode(voxelToWorld);
    }

    @Override
    public String toString() {
        return "VolumeGeometry[" + shape() + ", " + describe() + "]";
    }
}
