package dev.vigil.worldmodel.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * NIfTI-1 single-file volumes and masks ({@code docs/volumes.md}). Reading accepts {@code .nii} and gzip-compressed
 * {@code .nii.gz} (detected from the content), either byte order, datatypes uint8, int8, int16, uint16, int32,
 * uint32, float32 and float64, with {@code scl_slope}/{@code scl_inter} applied; the orientation comes from the
 * sform, else the qform, else the spacing diagonal. Writing produces little-endian float32 volumes and uint8
 * masks, gzip-compressed when the name ends in {@code .gz}, atomically.
 */
public final class Nifti {

    private Nifti() {
    }

    /**
     * Reads a 3-D volume; 4-D to 7-D files are accepted only when every extra dimension has size 1.
     *
     * @throws NiftiFormatException when the file is not a readable NIfTI-1 volume (the message names the file and
     *     the header field)
     */
    public static Volume read(Path file) throws IOException {
        return NiftiReader.read(file);
    }

    /**
     * Reads a mask: every voxel whose (scaled) value is non-zero is in the mask.
     *
     * @throws NiftiFormatException as {@link #read}, and when a voxel is NaN
     */
    public static Mask readMask(Path file) throws IOException {
        Volume volume = NiftiReader.read(file);
        Mask mask = Mask.empty(volume.geometry());
        for (int i = 0; i < volume.geometry().voxelCount(); i++) {
            float v = volume.get(i);
            if (Float.isNaN(v)) {
                throw new NiftiFormatException(file, "data", "voxel " + i
                        + " is NaN; a mask needs numbers (0 = outside)");
            }
            mask.set(i, v != 0);
        }
        return mask;
    }

    /** Writes {@code volume} as float32 NIfTI-1 (gzip-compressed when the name ends in {@code .gz}). */
    public static void write(Path file, Volume volume) throws IOException {
        NiftiWriter.write(file, volume);
    }

    /** Writes {@code mask} as uint8 NIfTI-1 with values 0 and 1. */
    public static void writeMask(Path file, Mask mask) throws IOException {
        NiftiWriter.writeMask(file, mask);
    }

    static boolean isGzipName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
