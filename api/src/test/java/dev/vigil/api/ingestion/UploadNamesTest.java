package dev.vigil.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadNamesTest {

    @Test
    void keepsOnlyTheFileNameSoNothingClimbsOutOfTheUploadFolder() {
        assertThat(IngestionResource.safeName("../../etc/Observation.000.ndjson")).isEqualTo("Observation.000.ndjson");
        assertThat(IngestionResource.safeName("C:\\\\exports\\\\Patient.ndjson.gz")).isEqualTo("Patient.ndjson.gz");
    }

    @Test
    void refusesHiddenEmptyAndOddNames() {
        assertThatThrownBy(() -> IngestionResource.safeName(".bashrc")).hasMessageContaining("is not allowed");
        assertThatThrownBy(() -> IngestionResource.safeName("a/..")).hasMessageContaining("is not allowed");
        assertThatThrownBy(() -> IngestionResource.safeName("")).hasMessageContaining("is not allowed");
        assertThatThrownBy(() -> IngestionResource.safeName("x y.ndjson")).hasMessageContaining("is not allowed");
    }
}
