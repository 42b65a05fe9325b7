package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinMaxScalerTest {

    private static final double[][] TRAINING = {{0, 5}, {10, 5}, {5, 5}};

    @Test
    void mapsTrainingRangeOntoMinusOneToOne() {
        MinMaxScaler scaler = MinMaxScaler.fit(TRAINING);

        assertThat(scaler.transform(new double[] {0, 5})[0]).isEqualTo(-1);
        assertThat(scaler.transform(new double[] {10, 5})[0]).isEqualTo(1);
        assertThat(scaler.transform(new double[] {5, 5})[0]).isEqualTo(0);
    }

    @Test
    void doesNotClipValuesOutsideTheTrainingRange() {
        assertThat(MinMaxScaler.fit(TRAINING).transform(new double[] {20, 5})[0]).isEqualTo(3);
    }

    @Test
    void constantColumnMapsToZeroAndKeepsDeviationsWithoutDividingByZero() {
        MinMaxScaler scaler = MinMaxScaler.fit(TRAINING);

        assertThat(scaler.transform(new double[] {0, 5})[1]).isEqualTo(0);
        assertThat(scaler.transform(new double[] {0, 7})[1]).isEqualTo(2);
    }

    @Test
    void inverseTransformUndoesTheScalingIncludingConstantColumnsAndOutOfRangeValues() {
        MinMaxScaler scaler = MinMaxScaler.fit(TRAINING);

        // By hand: 2.5 on [0, 10] scales to -0.5; 3 on the scale is 20 raw; the constant column's 2 is 5 + 2.
        assertThat(scaler.inverseTransform(new double[] {-0.5, 0})).containsExactly(2.5, 5);
        assertThat(scaler.inverseTransform(new double[] {3, 2})).containsExactly(20, 7);
        double[] raw = {7.3, 4.1};
        assertThat(scaler.inverseTransform(scaler.transform(raw))).containsExactly(raw,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> scaler.inverseTransform(new double[] {1})).hasMessageContaining("Row to unscale");
    }

    @Test
    void rejectsEmptyRaggedAndNonFiniteInput() {
        assertThatThrownBy(() -> MinMaxScaler.fit(new double[0][])).hasMessageContaining("at least one point");
        assertThatThrownBy(() -> MinMaxScaler.fit(new double[][] {{1, 2}, {3}})).hasMessageContaining("dimension 1");
        assertThatThrownBy(() -> MinMaxScaler.fit(TRAINING).transform(new double[] {Double.NaN, 5}))
                .hasMessageContaining("non-finite");
    }
}
