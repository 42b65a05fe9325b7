package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HuWindowTest {

    @Test
    void liverWindowMapsMinus15To135OntoZeroToOne() {
        HuWindow w = HuWindow.LIVER;

        assertThat(w.lower()).isEqualTo(-15);
        assertThat(w.upper()).isEqualTo(135);
        assertThat(w.apply(-15)).isEqualTo(0f);
        assertThat(w.apply(22.5)).isEqualTo(0.25f);
        assertThat(w.apply(60)).isEqualTo(0.5f);
        assertThat(w.apply(135)).isEqualTo(1f);
        assertThat(w.apply(-1000)).isEqualTo(0f);
        assertThat(w.apply(3000)).isEqualTo(1f);
        assertThat(w.apply(Double.NaN)).isEqualTo(0f);
    }

    @Test
    void abdomenWindowAppliedToAVolume() {
        Volume v = new Volume(VolumeGeometry.axisAligned(3, 1, 1, 1, 1, 1), new float[] {-160, 140, 500});

        assertThat(HuWindow.ABDOMEN.apply(v).voxels()).containsExactly(0f, 0.75f, 1f);
    }

    @Test
    void rejectsNonPositiveWidth() {
        assertThatThrownBy(() -> new HuWindow(40, 0)).hasMessageContaining("width").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new HuWindow(Double.NaN, 10)).hasMessageContaining("level");
    }
}
