package dev.vigil.worldmodel.volume;

/**
 * Reorders and flips voxel axes so that voxel x, y and z point as nearly as possible along world +R, +A and +S
 * (the closest canonical RAS+ orientation). Scanners store slices in many orders (LPS, coronal, flipped z); a
 * 3-D network wants one. Voxel values are only moved, never interpolated, and every voxel keeps its world
 * position: the affine is rewritten to match. Obliquity is kept (the axes are the closest, not exact).
 */
public final class Reorient {

    private Reorient() {
    }

    /** How output axis {@code r} reads input axis {@code sourceAxis[r]}, flipped or not. */
    private record Plan(int[] sourceAxis, boolean[] flip) {
    }

    public static Volume toRas(Volume volume) {
        VolumeGeometry g = volume.geometry();
        Plan plan = plan(g);
        VolumeGeometry out = reoriented(g, plan);
        Volume result = Volume.zeros(out);
        int[] in = new int[3];
        for (int z = 0; z < out.nz(); z++) {
            for (int y = 0; y < out.ny(); y++) {
                for (int x = 0; x < out.nx(); x++) {
                    source(g, plan, x, y, z, in);
                    result.set(x, y, z, volume.get(in[0], in[1], in[2]));
                }
            }
        }
        return result;
    }

    public static Mask toRas(Mask mask) {
        VolumeGeometry g = mask.geometry();
        Plan plan = plan(g);
        VolumeGeometry out = reoriented(g, plan);
        Mask result = Mask.empty(out);
        int[] in = new int[3];
        for (int z = 0; z < out.nz(); z++) {
            for (int y = 0; y < out.ny(); y++) {
                for (int x = 0; x < out.nx(); x++) {
                    source(g, plan, x, y, z, in);
                    result.set(x, y, z, mask.get(in[0], in[1], in[2]));
                }
            }
        }
        return result;
    }

    /**
     * The closest world direction of each voxel axis as three letters, e.g. {@code RAS} or {@code LPS}: voxel
     * x points mostly towards the first letter's side, and so on (R/L right/left, A/P anterior/posterior, S/I
     * superior/inferior).
     */
    public static String axisCodes(VolumeGeometry geometry) {
        Plan plan = plan(geometry);
        char[] codes = new char[3];
        for (int r = 0; r < 3; r++) {
            codes[plan.sourceAxis()[r]] = (plan.flip()[r] ? "LPI" : "RAS").charAt(r);
        }
        return new String(codes);
    }

    /** True when the grid is already closest to RAS+ (then {@link #toRas} returns an equal copy). */
    public static boolean isRas(VolumeGeometry geometry) {
        Plan plan = plan(geometry);
        for (int r = 0; r < 3; r++) {
            if (plan.sourceAxis()[r] != r || plan.flip()[r]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pairs voxel axes with world axes greedily by the largest remaining |affine entry|, so the strongest
     * alignments are fixed first; ties go to the lower index, which keeps the result deterministic.
     */
    private static Plan plan(VolumeGeometry g) {
        int[] sourceAxis = new int[3];
        boolean[] flip = new boolean[3];
        boolean[] rowUsed = new boolean[3];
        boolean[] colUsed = new boolean[3];
        for (int k = 0; k < 3; k++) {
            int bestRow = -1;
            int bestCol = -1;
            double best = -1;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    if (!rowUsed[r] && !colUsed[c] && Math.abs(g.affine(r, c)) > best) {
                        best = Math.abs(g.affine(r, c));
                        bestRow = r;
                        bestCol = c;
                    }
                }
            }
            rowUsed[bestRow] = true;
            colUsed[bestCol] = true;
            sourceAxis[bestRow] = bestCol;
            flip[bestRow] = g.affine(bestRow, bestCol) < 0;
        }
        return new Plan(sourceAxis, flip);
    }

    private static int size(VolumeGeometry g, int axis) {
        return axis == 0 ? g.nx() : axis == 1 ? g.ny() : g.nz();
    }

    private static double spacing(VolumeGeometry g, int axis) {
        return axis == 0 ? g.spacingX() : axis == 1 ? g.spacingY() : g.spacingZ();
    }

    /**
     * Input index {@code i[j] = flip ? n_j - 1 - o[r] : o[r]} for {@code j = sourceAxis[r]}, so the new affine's
     * column r is {@code ±} old column j, and the translation gains old column j times {@code n_j - 1} for
     * every flipped axis.
     */
    private static VolumeGeometry reoriented(VolumeGeometry g, Plan plan) {
        double[] affine = new double[16];
        affine[15] = 1;
        for (int row = 0; row < 3; row++) {
            affine[row * 4 + 3] = g.affine(row, 3);
        }
        for (int r = 0; r < 3; r++) {
            int j = plan.sourceAxis()[r];
            double sign = plan.flip()[r] ? -1 : 1;
            for (int row = 0; row < 3; row++) {
                affine[row * 4 + r] = sign * g.affine(row, j);
                if (plan.flip()[r]) {
                    affine[row * 4 + 3] += g.affine(row, j) * (size(g, j) - 1);
                }
            }
        }
        int[] src = plan.sourceAxis();
        return new VolumeGeometry(size(g, src[0]), size(g, src[1]), size(g, src[2]), spacing(g, src[0]),
                spacing(g, src[1]), spacing(g, src[2]), affine);
    }

    private static void source(VolumeGeometry g, Plan plan, int x, int y, int z, int[] in) {
        int[] out = {x, y, z};
        for (int r = 0; r < 3; r++) {
            int j = plan.sourceAxis()[r];
            in[j] = plan.flip()[r] ? size(g, j) - 1 - out[r] : out[r];
        }
    }
}
