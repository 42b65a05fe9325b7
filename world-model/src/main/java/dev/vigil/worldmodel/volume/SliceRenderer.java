package dev.vigil.worldmodel.volume;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Renders one axial slice (fixed z) of a volume as a PNG. Pixel {@code (column, row)} shows voxel
 * {@code (x, y) = (column / scale, row / scale)}: the voxel grid as stored, without reorientation to a
 * radiological view. Grey is {@code round(255 * window(value))}. Without a mask the PNG is 8-bit greyscale; with
 * one it is 8-bit RGB, the mask drawn as a red outline (mask voxels with a 4-neighbour outside the mask or the
 * slice) or a red tint ({@code 60 % grey + 40 % red} on every mask voxel).
 */
public final class SliceRenderer {

    /** How a mask is drawn over the slice. */
    public enum Overlay {
        NONE,
        OUTLINE,
        TINT
    }

    /** The overlay colour, pure red. */
    public static final int OVERLAY_RGB = 0xFF0000;
    private static final double TINT_ALPHA = 0.4;

    private SliceRenderer() {
    }

    /** Slice {@code z} as an 8-bit greyscale PNG, one pixel per voxel. */
    public static byte[] render(Volume volume, int z, HuWindow window) {
        return render(volume, z, window, null, Overlay.NONE, 1);
    }

    /**
     * Slice {@code z} with {@code mask} drawn as {@code overlay}, each voxel {@code scale x scale} pixels.
     *
     * @param mask null, or a mask on the volume's grid (required unless {@code overlay} is NONE)
     */
    public static byte[] render(Volume volume, int z, HuWindow window, Mask mask, Overlay overlay, int scale) {
        VolumeGeometry g = volume.geometry();
        if (z < 0 || z >= g.nz()) {
            throw new IllegalArgumentException("Slice z = " + z + " is outside the volume (shape " + g.shape()
                    + ", z from 0 to " + (g.nz() - 1) + ")");
        }
        if (scale < 1 || (long) g.nx() * scale > 16384 || (long) g.ny() * scale > 16384) {
            throw new IllegalArgumentException("Scale must be at least 1 and keep the image within 16384 pixels a"
                    + " side, got " + scale + " for a " + g.nx() + "x" + g.ny() + " slice");
        }
        if (overlay == null) {
            throw new IllegalArgumentException("overlay is null; use Overlay.NONE");
        }
        if (overlay != Overlay.NONE) {
            if (mask == null) {
                throw new IllegalArgumentException("Overlay " + overlay + " needs a mask, got null");
            }
            g.requireSameGrid(mask.geometry(), "volume", "mask");
        }
        int width = g.nx() * scale;
        int height = g.ny() * scale;
        BufferedImage image = new BufferedImage(width, height,
                overlay == Overlay.NONE ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < g.ny(); y++) {
            for (int x = 0; x < g.nx(); x++) {
                int grey = (int) Math.round(255.0 * window.apply(volume.get(x, y, z)));
                int rgb = switch (overlay) {
                    case NONE -> grey;
                    case OUTLINE -> onOutline(mask, x, y, z) ? OVERLAY_RGB : grey * 0x010101;
                    case TINT -> mask.get(x, y, z) ? tint(grey) : grey * 0x010101;
                };
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        if (overlay == Overlay.NONE) {
                            raster.setSample(x * scale + dx, y * scale + dy, 0, rgb);
                        } else {
                            image.setRGB(x * scale + dx, y * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("No PNG writer in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        }
        return png.toByteArray();
    }

    private static boolean onOutline(Mask mask, int x, int y, int z) {
        if (!mask.get(x, y, z)) {
            return false;
        }
        VolumeGeometry g = mask.geometry();
        return x == 0 || y == 0 || x == g.nx() - 1 || y == g.ny() - 1 || !mask.get(x - 1, y, z)
                || !mask.get(x + 1, y, z) || !mask.get(x, y - 1, z) || !mask.get(x, y + 1, z);
    }

    private static int tint(int grey) {
        int red = (int) Math.round((1 - TINT_ALPHA) * grey + TINT_ALPHA * 255);
        int other = (int) Math.round((1 - TINT_ALPHA) * grey);
        return red << 16 | other << 8 | other;
    }
}
