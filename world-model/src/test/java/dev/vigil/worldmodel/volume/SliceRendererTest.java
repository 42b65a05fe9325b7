package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SliceRendererTest {

    /** Window level 50, width 100: 0 HU -> 0, 25 -> 63.75 -> 64, 50 -> 127.5 -> 128, 100 -> 255. */
    private static final HuWindow WINDOW = new HuWindow(50, 100);

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Volume volume() {
        Volume v = Volume.filled(VolumeGeometry.axisAligned(5, 4, 2, 1, 1, 1), -500);
        v.set(0, 0, 1, 0);
        v.set(1, 0, 1, 25);
        v.set(2, 0, 1, 50);
        v.set(3, 2, 1, 100);
        v.set(4, 3, 1, 7000);
        v.set(1, 0, 0, 100); // another slice: must not show
        return v;
    }

    @Test
    void rendersTheWindowedSliceAsEightBitGrey() throws IOException {
        BufferedImage image = decode(SliceRenderer.render(volume(), 1, WINDOW));

        assertThat(image.getWidth()).isEqualTo(5);
        assertThat(image.getHeight()).isEqualTo(4);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(image.getRaster().getSample(0, 0, 0)).isEqualTo(0);
        assertThat(image.getRaster().getSample(1, 0, 0)).isEqualTo(64);
        assertThat(image.getRaster().getSample(2, 0, 0)).isEqualTo(128);
        assertThat(image.getRaster().getSample(3, 2, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(4, 3, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(4, 0, 0)).isEqualTo(0);
    }

    @Test
    void scaleRepeatsEachVoxel() throws IOException {
        BufferedImage image = decode(SliceRenderer.render(volume(), 1, WINDOW, null, SliceRenderer.Overlay.NONE, 3));

        assertThat(image.getWidth()).isEqualTo(15);
        assertThat(image.getRaster().getSample(3, 0, 0)).isEqualTo(64);
        assertThat(image.getRaster().getSample(5, 2, 0)).isEqualTo(64);
        assertThat(image.getRaster().getSample(6, 0, 0)).isEqualTo(128);
    }

    private static Volume flat(int hu) {
        return Volume.filled(VolumeGeometry.axisAligned(5, 5, 1, 1, 1, 1), hu);
    }

    private static Mask block() {
        Mask m = Mask.empty(VolumeGeometry.axisAligned(5, 5, 1, 1, 1, 1));
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                m.set(x, y, 0, true);
            }
        }
        return m;
    }

    @Test
    void outlineMarksTheMaskBorderInRed() throws IOException {
        // 50 HU -> grey 128 = 0x808080.
        BufferedImage image = decode(SliceRenderer.render(flat(50), 0, WINDOW, block(), SliceRenderer.Overlay.OUTLINE,
                1));

        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(3, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("inside").isEqualTo(0x808080);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("outside").isEqualTo(0x808080);
        assertThat(image.getRGB(4, 2) & 0xFFFFFF).as("outside").isEqualTo(0x808080);
    }

    @Test
    void outlineClosesAtTheSliceEdge() throws IOException {
        Mask all = Mask.empty(VolumeGeometry.axisAligned(5, 5, 1, 1, 1, 1));
        for (int i = 0; i < 25; i++) {
            all.set(i, true);
        }

        BufferedImage image = decode(SliceRenderer.render(flat(50), 0, WINDOW, all, SliceRenderer.Overlay.OUTLINE, 1));

        assertThat(image.getRGB(0, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(2, 4) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x808080);
    }

    @Test
    void tintBlendsFortyPercentRedIntoEveryMaskVoxel() throws IOException {
        // 50 HU -> grey 128: red = round(0.6 * 128 + 0.4 * 255) = 179, green = blue = round(0.6 * 128) = 77.
        BufferedImage image = decode(SliceRenderer.render(flat(50), 0, WINDOW, block(), SliceRenderer.Overlay.TINT, 1));

        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(179 << 16 | 77 << 8 | 77);
        assertThat(image.getRGB(1, 3) & 0xFFFFFF).isEqualTo(179 << 16 | 77 << 8 | 77);
        assertThat(image.getRGB(4, 4) & 0xFFFFFF).isEqualTo(0x808080);
    }

    @Test
    void rejectsAMissingSliceAndAMismatchedMask() {
        assertThatThrownBy(() -> SliceRenderer.render(volume(), 2, WINDOW))
                .hasMessageContaining("z = 2").hasMessageContaining("5x4x2");
        assertThatThrownBy(() -> SliceRenderer.render(volume(), 0, WINDOW, block(), SliceRenderer.Overlay.TINT, 1))
                .hasMessageContaining("volume has shape 5x4x2 but mask has shape 5x5x1");
        assertThatThrownBy(() -> SliceRenderer.render(volume(), 0, WINDOW, null, SliceRenderer.Overlay.OUTLINE, 1))
                .hasMessageContaining("needs a mask");
    }
}
