package dev.vigil.worldmodel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaceProtocolTest {

    @Test
    void vocabularyHasNineDrugsThenFiveEmbolicsWithTheCohortCodes() {
        assertThat(TaceComponent.values()).hasSize(TaceComponent.COUNT);
        assertThat(Arrays.stream(TaceComponent.values()).limit(9)).allMatch(TaceComponent::isDrug);
        assertThat(Arrays.stream(TaceComponent.values()).skip(9)).noneMatch(TaceComponent::isDrug);
        assertThat(TaceComponent.inOrder()).extracting(TaceComponent::code).containsExactly("raltitrexed",
                "epirubicin", "oxaliplatin", "lobaplatin", "mitomycin", "idarubicin", "nedaplatin", "pirarubicin",
                "cisplatin", "lipiodol", "gelatin-sponge", "pva", "absolute-alcohol", "nbca");
        assertThat(TaceComponent.GELATIN_SPONGE.actionColumn()).isEqualTo("tace_gelatin_sponge");
    }

    @Test
    void parsesMewmTextInAnyOrderAndCase() {
        TaceProtocol protocol = TaceProtocol.parse("gelatin sponge;  EPIRUBICIN ;Lipiodol");
        assertThat(protocol.drugs()).containsExactly(TaceComponent.EPIRUBICIN);
        assertThat(protocol.embolics()).containsExactly(TaceComponent.LIPIODOL, TaceComponent.GELATIN_SPONGE);
        assertThat(protocol.label()).isEqualTo("Epirubicin; Lipiodol; Gelatin Sponge");
        assertThat(TaceProtocol.parse(protocol.label())).isEqualTo(protocol);
    }

    @Test
    void acceptsSynonymsAndCodes() {
        assertThat(TaceProtocol.parse("THP; lipiodol; gelfoam")).isEqualTo(TaceProtocol.of(TaceComponent.PIRARUBICIN,
                TaceComponent.LIPIODOL, TaceComponent.GELATIN_SPONGE));
        assertThat(TaceProtocol.parse("absolute-alcohol, DDP + Ethiodized oil").components()).containsExactly(
                TaceComponent.CISPLATIN, TaceComponent.LIPIODOL, TaceComponent.ABSOLUTE_ALCOHOL);
        assertThat(TaceComponent.ofName("Mitomycin C")).isEqualTo(TaceComponent.MITOMYCIN);
    }

    @Test
    void unknownNameIsNamedWithTheVocabulary() {
        assertThatThrownBy(() -> TaceProtocol.parse("Epirubicin; Doxorubicin; Lipiodol"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part 2")
                .hasMessageContaining("'Doxorubicin' is not a TACE drug or embolic agent")
                .hasMessageContaining("Raltitrexed, Epirubicin, Oxaliplatin")
                .hasMessageContaining("Absolute Alcohol, NBCA");
    }

    @Test
    void repeatedOrEmptyPartsAreRefused() {
        assertThatThrownBy(() -> TaceProtocol.parse("Pirarubicin; THP; Lipiodol"))
                .hasMessageContaining("names Pirarubicin twice");
        assertThatThrownBy(() -> TaceProtocol.parse("Epirubicin;; Lipiodol")).hasMessageContaining("part 2 is empty");
        assertThatThrownBy(() -> TaceProtocol.parse("  ")).hasMessageContaining("empty text");
    }

    @Test
    void multiHotFollowsTheEnumOrderAndRoundTrips() {
        TaceProtocol protocol = TaceProtocol.parse("Cisplatin; Raltitrexed; Lipiodol; NBCA");
        float[] vector = protocol.multiHot();
        assertThat(vector).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1);
        assertThat(TaceProtocol.fromMultiHot(vector)).isEqualTo(protocol);
        vector[3] = 0.5f;
        assertThatThrownBy(() -> TaceProtocol.fromMultiHot(vector)).hasMessageContaining("entry 3 (Lobaplatin) is 0.5");
    }

    @Test
    void drugsAndEmbolicsMustBeOfTheirKind() {
        assertThatThrownBy(() -> new TaceProtocol(java.util.List.of(TaceComponent.LIPIODOL), java.util.List.of()))
                .hasMessageContaining("Lipiodol is not one of the drugs");
    }
}
