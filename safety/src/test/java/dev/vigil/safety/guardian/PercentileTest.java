package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileTest {

    @Test
    void interpolatesLinearlyBetweenRanksLikeNumpy() {
        double[] values = {5, 1, 4, 2, 3};

        // rank = p / 100 * (n - 1): 5 -> 0.2 -> 1.2; 50 -> 2 -> 3; 100 -> 4 -> 5.
        assertThat(Percentile.of(values, 5)).isCloseTo(1.2, within(1e-12));
        assertThat(Percentile.of(values, 50)).isCloseTo(3, within(1e-12));
        assertThat(Percentile.of(values, 100)).isCloseTo(5, within(1e-12));
        assertThat(values).containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void rejectsPercentOutOfRangeAndEmptyValues() {
        assertThatThrownBy(() -> Percentile.of(new double[] {1}, 0.95 * 200)).hasMessageContaining("[0, 100]");
        assertThatThrownBy(() -> Percentile.of(new double[0], 5)).hasMessageContaining("at least one value");
    }
}
