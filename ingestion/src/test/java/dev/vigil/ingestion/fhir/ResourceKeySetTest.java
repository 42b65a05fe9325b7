package dev.vigil.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceKeySetTest {

    @Test
    void addsEachKeyOnceAndTellsTypeAndIdApart() {
        ResourceKeySet keys = new ResourceKeySet();

        assertThat(keys.add("Patient", "1")).isTrue();
        assertThat(keys.add("Patient", "1")).isFalse();
        assertThat(keys.add("Observation", "1")).isTrue();
        assertThat(keys.add("Patient", "11")).isTrue();
        assertThat(keys.add("Patien", "t/1")).as("hashes the separator too").isTrue();
        assertThat(keys.size()).isEqualTo(4);
    }

    @Test
    void keepsEveryKeyWhenItGrowsToAMillion() {
        ResourceKeySet keys = new ResourceKeySet();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(keys.add("Observation", "obs-" + i)).isTrue();
        }
        for (int i = 0; i < 1_000_000; i += 997) {
            assertThat(keys.add("Observation", "obs-" + i)).isFalse();
        }
        assertThat(keys.size()).isEqualTo(1_000_000);
    }
}
