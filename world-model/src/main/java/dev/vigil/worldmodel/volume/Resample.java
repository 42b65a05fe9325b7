package dev.vigil.worldmodel.volume;

/**
 * Resamples volumes (trilinear) and masks (nearest voxel) to a target shape over the same physical extent.
 * Voxels are treated as cells: target voxel {@code i} of {@code m} along an axis of {@code n} source voxels has
 * its centre at source coordinate {@code (i + 0.5) * n / m - 0.5}. The new spacing is {@code spacing * n / m};
 * the affine's columns scale by {@code n / m} and its translation moves to the world position of that first
 * centre, so the box the voxels cover stays where it was.
 */
public final class Resample {

    private Resample() {
    }

    /**
     * Trilinear interpolation; positions beyond the outermost source centres take the edge value (no
     * extrapolation, no padding).
     */
    public static Volume volume(Volume volume, int nx, int ny, int nz) {
        VolumeGeometry g = volume.geometry();
        Volume out = Volume.zeros(resampledGeometry(g, nx, ny, nz));
        Axis ax = new Axis(g.nx(), nx);
        Axis ay = new Axis(g.ny(), ny);
        Axis az = new Axis(g.nz(), nz);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double c000 = volume.get(ax.lo[x], ay.lo[y], az.lo[z]);
                    double c100 = volume.get(ax.hi[x], ay.lo[y], az.lo[z]);
                    double c010 = volume.get(ax.lo[x], ay.hi[y], az.lo[z]);
                    double c110 = volume.get(ax.hi[x], ay.hi[y], az.lo[z]);
                    double c001 = volume.get(ax.lo[x], ay.lo[y], az.hi[z]);
                    double c101 = volume.get(ax.hi[x], ay.lo[y], az.hi[z]);
                    double c011 = volume.get(ax.lo[x], ay.hi[y], az.hi[z]);
                    double c111 = volume.get(ax.hi[x], ay.hi[y], az.hi[z]);
                    double tx = ax.t[x];
                    double ty = ay.t[y];
                    double tz = az.t[z];
                    double c00 = c000 + (c100 - c000) * tx;
                    double c10 = c010 + (c110 - c010) * tx;
                    double c01 = c001 + (c101 - c001) * tx;
                    double c11 = c011 + (c111 - c011) * tx;
                    double c0 = c00 + (c10 - c00) * ty;
                    double c1 = c01 + (c11 - c01) * ty;
                    out.set(x, y, z, (float) (c0 + (c1 - c0) * tz));
                }
            }
        }
        return out;
    }

    /** Nearest voxel: each target voxel takes the source voxel that contains its centre. */
    public static Mask mask(Mask mask, int nx, int ny, int nz) {
        VolumeGeometry g = mask.geometry();
        Mask out = Mask.empty(resampledGeometry(g, nx, ny, nz));
        int[] sx = nearest(g.nx(), nx);
        int[] sy = nearest(g.ny(), ny);
        int[] sz = nearest(g.nz(), nz);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    out.set(x, y, z, mask.get(sx[x], sy[y], sz[z]));
                }
            }
        }
        return out;
    }

    /** The geometry of a resampling of {@code g} to {@code (nx, ny, nz)} voxels over the same extent. */
    public static VolumeGeometry resampledGeometry(VolumeGeometry g, int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("Target shape must be at least 1 in every axis, got " + nx + "x" + ny
                    + "x" + nz + " (source " + g.shape() + ")");
        }
        double[] factor = {(double) g.nx() / nx, (double) g.ny() / ny, (double) g.nz() / nz};
        double[] affine = g.voxelToWorld();
        double[] first = g.toWorld(0.5 * factor[0] - 0.5, 0.5 * factor[1] - 0.5, 0.5 * factor[2] - 0.5);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                affine[r * 4 + c] *= factor[c];
            }
            affine[r * 4 + 3] = first[r];
        }
        return new VolumeGeometry(nx, ny, nz, g.spacingX() * factor[0], g.spacingY() * factor[1],
                g.spacingZ() * factor[2], affine);
    }

    private static int[] nearest(int n, int m) {
        int[] index = new int[m];
        for (int i = 0; i < m; i++) {
            index[i] = Math.min(n - 1, (int) Math.floor((i + 0.5) * n / m));
        }
        return index;
    }

    /** Per target index along one axis: the two source neighbours and the weight of the upper one. */
    private static final class Axis {
        final int[] lo;
        final int[] hi;
        final double[] t;

        Axis(int n, int m) {
            lo = new int[m];
            hi = new int[m];
            t = new double[m];
            for (int i = 0; i < m; i++) {
                double s = Math.min(n - 1, Math.max(0, (i + 0.5) * n / m - 0.5));
                lo[i] = (int) Math.floor(s);
                hi[i] = Math.min(n - 1, lo[i] + 1);
                t[i] = s - lo[i];
            }
        }
    }
}
