package dev.vigil.worldmodel.planner;

import java.nio.FloatBuffer;

/**
 * What the scorer reads from one CT crop and tumour (probability) mask: tumour volume, viable volume (tumour
 * voxels brighter than {@link #NECROSIS_HU}: necrosis is about 15 HU, viable tumour 40 HU and up), necrotic
 * fraction and mean tumour HU (an arterial-enhancement proxy). Mask values weight voxels, so a simulated
 * probability mask and a true 0/1 mask are read the same way.
 *
 * @param tumourMl sum of mask weights x voxel volume
 * @param viableMl weights of voxels above {@link #NECROSIS_HU} x voxel volume
 * @param necroticFraction 1 - viable / tumour (0 for an empty tumour)
 * @param meanHu weighted mean HU in the tumour (NaN for an empty tumour)
 */
public record ImageSummary(double tumourMl, double viableMl, double necroticFraction, double meanHu) {

    /** Threshold between necrotic and viable tumour, midway between 15 HU and 40 HU. */
    public static final double NECROSIS_HU = 27.5;

    /** From HU values and mask weights in [0, 1]. */
    public static ImageSummary of(float[] hu, float[] weight, double voxelMl) {
        double total = 0;
        double viable = 0;
        double huSum = 0;
        for (int i = 0; i < hu.length; i++) {
            double w = weight[i];
            if (w > 0) {
                total += w;
                huSum += w * hu[i];
                if (hu[i] > NECROSIS_HU) {
                    viable += w;
                }
            }
        }
        return summary(total, viable, huSum, voxelMl);
    }

    /** From windowed model outputs (CT in [0, 1] of {@link VolumeEncoding#WINDOW}, tumour probabilities). */
    public static ImageSummary ofWindowed(FloatBuffer ct, FloatBuffer probability, double voxelMl) {
        double lower = VolumeEncoding.WINDOW.lower();
        double width = VolumeEncoding.WINDOW.width();
        float threshold = (float) ((NECROSIS_HU - lower) / width);
        double total = 0;
        double viable = 0;
        double windowSum = 0;
        for (int i = 0, n = probability.limit(); i < n; i++) {
            float w = probability.get(i);
            if (w > 0.01f) { // the sigmoid never reaches 0: ignore the far background
                float v = ct.get(i);
                total += w;
                windowSum += w * v;
                if (v > threshold) {
                    viable += w;
                }
            }
        }
        double huSum = total * lower + windowSum * width;
        return summary(total, viable, huSum, voxelMl);
    }

    private static ImageSummary summary(double total, double viable, double huSum, double voxelMl) {
        double necrotic = total > 0 ? 1 - viable / total : 0;
        return new ImageSummary(total * voxelMl, viable * voxelMl, necrotic, total > 0 ? huSum / total : Double.NaN);
    }
}
