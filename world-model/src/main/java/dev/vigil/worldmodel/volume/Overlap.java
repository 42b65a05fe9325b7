package dev.vigil.worldmodel.volume;

/**
 * Agreement between a predicted and a reference mask on the same grid. Convention for empty masks: two empty
 * masks agree perfectly (Dice = Jaccard = 1, relative volume error 0); one empty and one not gives Dice =
 * Jaccard = 0, and the relative volume error against an empty reference is undefined (an exception).
 */
public final class Overlap {

    private Overlap() {
    }

    /** All metrics at once. */
    public record Report(double dice, double jaccard, double predictedMl, double referenceMl,
            double relativeVolumeError) {
    }

    /** {@code 2 |A ∩ B| / (|A| + |B|)}; 1 when both are empty. */
    public static double dice(Mask predicted, Mask reference) {
        long[] c = counts(predicted, reference);
        long sum = c[0] + c[1];
        return sum == 0 ? 1.0 : 2.0 * c[2] / sum;
    }

    /** {@code |A ∩ B| / |A ∪ B|}; 1 when both are empty. */
    public static double jaccard(Mask predicted, Mask reference) {
        long[] c = counts(predicted, reference);
        long union = c[0] + c[1] - c[2];
        return union == 0 ? 1.0 : (double) c[2] / union;
    }

    /** Voxel count times the product of the spacings (mm³), in mL. */
    public static double volumeMl(Mask mask) {
        return mask.volumeMl();
    }

    /**
     * {@code (V_predicted - V_reference) / V_reference}: signed, so 0.1 means 10 % too large; 0 when both are
     * empty.
     *
     * @throws IllegalArgumentException when the reference is empty and the prediction is not
     */
    public static double relativeVolumeError(Mask predicted, Mask reference) {
        long[] c = counts(predicted, reference);
        return relativeVolumeError(c[0], c[1]);
    }

    private static double relativeVolumeError(long predicted, long reference) {
        if (reference == 0) {
            if (predicted == 0) {
                return 0;
            }
            throw new IllegalArgumentException("Relative volume error is undefined: the reference mask is empty but"
                    + " the prediction has " + predicted + " voxels");
        }
        // Both masks share one grid, so the voxel volume cancels.
        return (double) (predicted - reference) / reference;
    }

    /**
     * Every metric; the relative volume error is NaN (not an exception) when only the reference is empty, so a
     * batch of cases can still be summarised.
     */
    public static Report compare(Mask predicted, Mask reference) {
        long[] c = counts(predicted, reference);
        long sum = c[0] + c[1];
        long union = sum - c[2];
        double voxelMl = reference.geometry().voxelVolumeMm3() / 1000.0;
        double rve = c[1] == 0 && c[0] > 0 ? Double.NaN : relativeVolumeError(c[0], c[1]);
        return new Report(sum == 0 ? 1.0 : 2.0 * c[2] / sum, union == 0 ? 1.0 : (double) c[2] / union,
                c[0] * voxelMl, c[1] * voxelMl, rve);
    }

    /** {@code |predicted|, |reference|, |intersection|}. */
    private static long[] counts(Mask predicted, Mask reference) {
        predicted.geometry().requireSameGrid(reference.geometry(), "predicted mask", "reference mask");
        long p = 0;
        long r = 0;
        long both = 0;
        for (int i = 0; i < predicted.geometry().voxelCount(); i++) {
            boolean a = predicted.get(i);
            boolean b = reference.get(i);
            p += a ? 1 : 0;
            r += b ? 1 : 0;
            both += a && b ? 1 : 0;
        }
        return new long[] {p, r, both};
    }
}
