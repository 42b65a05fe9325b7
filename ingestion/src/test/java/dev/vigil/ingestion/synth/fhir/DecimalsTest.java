package dev.vigil.ingestion.synth.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void writesFixedDecimalsWithoutExponents() {
        assertThat(Decimals.format(92, 0)).isEqualTo("92");
        assertThat(Decimals.format(37.4, 1)).isEqualTo("37.4");
        assertThat(Decimals.format(0.12, 3)).isEqualTo("0.120");
        assertThat(Decimals.format(0.04, 4)).isEqualTo("0.0400");
        assertThat(Decimals.format(1.05, 2)).isEqualTo("1.05");
        assertThat(Decimals.format(1e-7, 2)).isEqualTo("0.00");
    }

    @Test
    void refusesNegativeAndNonFiniteValues() {
        assertThatThrownBy(() -> Decimals.format(-1, 0)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Decimals.format(Double.NaN, 0)).hasMessageContaining("finite");
    }
}
