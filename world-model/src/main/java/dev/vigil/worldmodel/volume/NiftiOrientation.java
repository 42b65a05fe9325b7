package dev.vigil.worldmodel.volume;

/**
 * Conversions between the NIfTI-1 qform (a unit quaternion {@code (b, c, d)}, offsets, {@code pixdim} and the
 * handedness {@code qfac}) and a 4x4 row-major voxel-to-world affine, following the formulas of the NIfTI-1
 * header documentation ({@code nifti1.h}, "method 2").
 */
final class NiftiOrientation {

    /** Columns orthogonal and equal in length to the spacing within this relative tolerance: a qform fits. */
    private static final double QFORM_TOLERANCE = 1e-4;

    private NiftiOrientation() {
    }

    /** The qform as a parsed value: quaternion {@code (b, c, d)}, offsets and {@code qfac} (+1 or -1). */
    record Qform(double b, double c, double d, double offsetX, double offsetY, double offsetZ, double qfac) {
    }

    /**
     * The affine of a qform: {@code R * diag(dx, dy, qfac * dz)} plus the offsets. As in {@code nifti1.h}, when
     * {@code b² + c² + d²} is (numerically) 1 the rotation is 180 degrees and {@code a = 0}.
     */
    static double[] qformToAffine(Qform q, double dx, double dy, double dz) {
        double b = q.b();
        double c = q.c();
        double d = q.d();
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7) {
            double norm = 1.0 / Math.sqrt(b * b + c * c + d * d);
            b *= norm;
            c *= norm;
            d *= norm;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        double zScale = q.qfac() < 0 ? -dz : dz;
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * b * c - 2 * a * d, 2 * b * d + 2 * a * c},
            {2 * b * c + 2 * a * d, a * a + c * c - b * b - d * d, 2 * c * d - 2 * a * b},
            {2 * b * d - 2 * a * c, 2 * c * d + 2 * a * b, a * a + d * d - c * c - b * b}};
        double[] scale = {dx, dy, zScale};
        double[] offset = {q.offsetX(), q.offsetY(), q.offsetZ()};
        double[] affine = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                affine[row * 4 + col] = r[row][col] * scale[col];
            }
            affine[row * 4 + 3] = offset[row];
        }
        affine[15] = 1;
        return affine;
    }

    /**
     * The qform of {@code geometry}'s affine, or null when the affine has shear or column lengths that differ
     * from the spacing (a qform cannot express it; the sform alone then carries the orientation).
     */
    static Qform affineToQform(VolumeGeometry geometry) {
        double[] spacing = {geometry.spacingX(), geometry.spacingY(), geometry.spacingZ()};
        double[][] r = new double[3][3];
        for (int col = 0; col < 3; col++) {
            double norm = 0;
            for (int row = 0; row < 3; row++) {
                norm += geometry.affine(row, col) * geometry.affine(row, col);
            }
            norm = Math.sqrt(norm);
            if (Math.abs(norm - spacing[col]) > QFORM_TOLERANCE * spacing[col]) {
                return null;
            }
            for (int row = 0; row < 3; row++) {
                r[row][col] = geometry.affine(row, col) / norm;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                double dot = r[0][i] * r[0][j] + r[1][i] * r[1][j] + r[2][i] * r[2][j];
                if (Math.abs(dot) > QFORM_TOLERANCE) {
                    return null;
                }
            }
        }
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
                - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        double qfac = 1;
        if (det < 0) {
            // A left-handed grid: the qform stores a proper rotation and flips the third axis through qfac.
            qfac = -1;
            for (int row = 0; row < 3; row++) {
                r[row][2] = -r[row][2];
            }
        }
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new Qform(b, c, d, geometry.affine(0, 3), geometry.affine(1, 3), geometry.affine(2, 3), qfac);
    }
}
