package dev.vigil.ingestion.synth.sepsis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SepsisFeatureTest {

    @Test
    void orderIsTheCodesDocumentsTableThenDerivedThenStatic() {
        assertThat(SepsisFeature.names()).containsExactly("heart_rate", "sbp", "dbp", "map", "resp_rate", "spo2",
                "temperature", "gcs", "fio2", "pao2", "lactate", "creatinine", "bilirubin", "platelets", "wbc",
                "urine_output", "weight", "urine_output_cum", "fluid_input_cum", "pf_ratio", "age", "gender");
        assertThat(SepsisFeature.COUNT).isEqualTo(22);
    }

    @Test
    void looksFeaturesUpByName() {
        assertThat(SepsisFeature.byName("pf_ratio")).isEqualTo(SepsisFeature.PF_RATIO);
        assertThatThrownBy(() -> SepsisFeature.byName("MAP")).hasMessageContaining("e.g. map");
    }

    @Test
    void observationCopiesItsValues() {
        double[] values = new double[SepsisFeature.COUNT];
        SepsisObservation observation = new SepsisObservation(values);
        values[0] = 99;
        observation.values()[1] = 99;

        assertThat(observation.get(SepsisFeature.HEART_RATE)).isZero();
        assertThat(observation.get(SepsisFeature.SBP)).isZero();
        assertThatThrownBy(() -> new SepsisObservation(new double[3])).hasMessageContaining("needs 22 values");
    }
}
