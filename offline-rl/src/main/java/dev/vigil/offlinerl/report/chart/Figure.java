package dev.vigil.offlinerl.report.chart;

/**
 * One rendered figure.
 *
 * @param name a stable file-like name, e.g. {@code learning-curves}
 * @param title what the figure shows, for captions
 * @param png the PNG bytes
 * @param width pixels
 * @param height pixels
 */
public record Figure(String name, String title, byte[] png, int width, int height) {

    public Figure {
        if (name == null || name.isBlank() || png == null || png.length == 0) {
            throw new IllegalArgumentException("A figure needs a name and PNG bytes");
        }
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
