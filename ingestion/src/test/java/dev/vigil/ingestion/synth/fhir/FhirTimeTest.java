package dev.vigil.ingestion.synth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FhirTimeTest {

    @Test
    void writesUtcDateTimesToTheMinute() {
        long minute = Instant.parse("2024-02-29T23:59:00Z").getEpochSecond() / 60;

        assertThat(FhirTime.dateTime(minute)).isEqualTo("2024-02-29T23:59:00Z");
        assertThat(FhirTime.dateTime(minute + 1)).isEqualTo("2024-03-01T00:00:00Z");
    }
}
