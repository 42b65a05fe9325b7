package dev.vigil.ingestion.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefColumnTest {

    @Test
    void storesEveryKindOfIdLosslessly() {
        RefColumn refs = new RefColumn();
        String[] ids = {"5f0c1b0e-8c3a-4a53-9d2b-6e7f8a9b0c1d", "12345", "0", "007", "obs-1",
                "5F0C1B0E-8C3A-4A53-9D2B-6E7F8A9B0C1D", "123456789012345678901", "a.b-c"};
        for (String id : ids) {
            refs.add(SourceType.OBSERVATION, id);
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(refs.id(i)).isEqualTo(ids[i]);
            assertThat(refs.reference(i)).isEqualTo("Observation/" + ids[i]);
        }
    }

    @Test
    void ordersByTypeThenIdContent() {
        RefColumn refs = new RefColumn();
        int observation9 = refs.add(SourceType.OBSERVATION, "9");
        int observation10 = refs.add(SourceType.OBSERVATION, "10");
        int condition = refs.add(SourceType.CONDITION, "zz");
        int textB = refs.add(SourceType.OBSERVATION, "b");
        int textA = refs.add(SourceType.OBSERVATION, "a");
        assertThat(refs.compare(condition, observation9)).isNegative();
        assertThat(refs.compare(observation9, observation10)).isNegative(); // numerically
        assertThat(refs.compare(textA, textB)).isNegative();
        assertThat(refs.compare(textB, refs.add(SourceType.OBSERVATION, "b"))).isZero();
    }
}
