package dev.vigil.ingestion.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class FhirTimesTest {

    @Test
    void readsTimesAsUtcWhateverTheMachinesZone() {
        assertThat(millis("2024-03-10T12:00:00+02:00")).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
        assertThat(millis("2024-03-10T12:00:00Z")).isEqualTo(Instant.parse("2024-03-10T12:00:00Z"));
        // Without an offset (not valid FHIR, but exported) and date-only: UTC, never the JVM's zone.
        assertThat(millis("2024-03-10T12:00:00")).isEqualTo(Instant.parse("2024-03-10T12:00:00Z"));
        assertThat(millis("2024-03-10")).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
        assertThat(FhirTimes.millis(new DateTimeType("2024-03"))).isEqualTo(FhirTimes.NONE);
        assertThat(FhirTimes.millis(null)).isEqualTo(FhirTimes.NONE);
    }

    @Test
    void readsIntervals() {
        Period open = new Period().setStartElement(new DateTimeType("2024-03-10T12:00:00Z"));
        assertThat(FhirTimes.interval(open)[1]).isEqualTo(FhirTimes.NONE);
        long[] instant = FhirTimes.interval(new DateTimeType("2024-03-10T12:00:00Z"));
        assertThat(instant[0]).isEqualTo(instant[1]);
        assertThat(FhirTimes.interval(new Period())).isNull();
    }

    @Test
    void readsPatientIdsFromEveryReferenceForm() {
        assertThat(References.patientId(new Reference("Patient/123"))).isEqualTo("123");
        assertThat(References.patientId(new Reference("https://fhir.example/r4/Patient/abc/_history/3")))
                .isEqualTo("abc");
        assertThat(References.patientId(new Reference("urn:uuid:5f0c1b0e-8c3a-4a53-9d2b-6e7f8a9b0c1d")))
                .isEqualTo("5f0c1b0e-8c3a-4a53-9d2b-6e7f8a9b0c1d");
        assertThat(References.patientId(new Reference("Group/1"))).isNull();
        assertThat(References.patientId(new Reference())).isNull();
        assertThat(References.patientId(null)).isNull();
    }

    private static Instant millis(String text) {
        return Instant.ofEpochMilli(FhirTimes.millis(new DateTimeType(text)));
    }
}
