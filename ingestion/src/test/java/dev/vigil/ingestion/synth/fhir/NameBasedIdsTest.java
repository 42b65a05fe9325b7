package dev.vigil.ingestion.synth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameBasedIdsTest {

    @Test
    void equalsTheJdksNameBasedUuid() {
        NameBasedIds ids = new NameBasedIds();
        for (String name : new String[] {"sepsis-42-0", "sepsis--7-12/Observation/301", ""}) {
            String expected = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
            assertThat(ids.uuid(name)).isEqualTo(expected);
        }
    }

    @Test
    void prefixAndCounterNameTheSameUuidAsTheWholeName() {
        NameBasedIds ids = new NameBasedIds();
        byte[] prefix = "sepsis-42-3/Observation/".getBytes(StandardCharsets.UTF_8);
        for (int counter : new int[] {0, 7, 10, 655, Integer.MAX_VALUE}) {
            assertThat(ids.uuid(prefix, counter)).isEqualTo(ids.uuid("sepsis-42-3/Observation/" + counter));
        }
    }
}
