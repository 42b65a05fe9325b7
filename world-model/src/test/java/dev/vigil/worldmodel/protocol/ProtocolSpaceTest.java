package dev.vigil.worldmodel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolSpaceTest {

    @Test
    void thereAre180ValidProtocols() {
        // Drug sets: 9 singles + C(9,2) = 36 pairs - C(4,2) = 6 platinum pairs - C(3,2) = 3 anthracycline pairs
        // = 36; embolic sets: Lipiodol alone or with one of 4 others = 5; 36 x 5 = 180.
        assertThat(ProtocolSpace.validProtocols()).hasSize(180).doesNotHaveDuplicates();
        assertThat(ProtocolSpace.VALID_COUNT).isEqualTo(180);
    }

    @Test
    void validProtocolsAreExactlyTheSubsetsThatBreakNoRule() {
        // Brute force over all 2^14 - 1 non-empty component sets.
        TaceComponent[] all = TaceComponent.values();
        Set<TaceProtocol> valid = new HashSet<>();
        for (int mask = 1; mask < (1 << all.length); mask++) {
            Set<TaceComponent> set = EnumSet.noneOf(TaceComponent.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(all[i]);
                }
            }
            TaceProtocol protocol = TaceProtocol.of(set);
            if (ProtocolSpace.check(protocol).isEmpty()) {
                valid.add(protocol);
            }
        }
        assertThat(valid).containsExactlyInAnyOrderElementsOf(ProtocolSpace.validProtocols());
    }

    @Test
    void orderIsStable() {
        List<TaceProtocol> valid = ProtocolSpace.validProtocols();
        assertThat(valid.get(0).label()).isEqualTo("Raltitrexed; Lipiodol");
        assertThat(valid.get(1).label()).isEqualTo("Raltitrexed; Lipiodol; Gelatin Sponge");
        assertThat(valid.get(5).label()).isEqualTo("Raltitrexed; Epirubicin; Lipiodol");
        assertThat(valid.get(179).label()).isEqualTo("Cisplatin; Lipiodol; NBCA");
        assertThat(ProtocolSpace.indexOf(valid.get(77))).isEqualTo(77);
        assertThat(ProtocolSpace.indexOf(TaceProtocol.parse("Cisplatin; Oxaliplatin; Lipiodol"))).isEqualTo(-1);
    }

    @Test
    void platinumConflictNamesBothAgentsAndTheRule() {
        TaceProtocol protocol = TaceProtocol.parse("Oxaliplatin; Nedaplatin; Lipiodol");
        assertThat(ProtocolSpace.check(protocol)).containsExactly("tace.platinum-exclusive");
        RuleViolation violation = ProtocolSpace.violations(protocol).get(0);
        assertThat(violation.components()).containsExactly(TaceComponent.OXALIPLATIN, TaceComponent.NEDAPLATIN);
        assertThat(violation.message()).startsWith("Oxaliplatin and Nedaplatin together: platinum agents")
                .endsWith("(rule tace.platinum-exclusive)");
        assertThatThrownBy(() -> ProtocolSpace.requireValid(protocol))
                .hasMessageContaining("Protocol \"Oxaliplatin; Nedaplatin; Lipiodol\" is not valid")
                .hasMessageContaining("Oxaliplatin and Nedaplatin together");
    }

    @Test
    void eachConflictRuleFiresOnItsPair() {
        assertThat(ProtocolSpace.check(TaceProtocol.parse("Idarubicin; THP; Lipiodol")))
                .containsExactly("tace.anthracycline-exclusive");
        assertThat(ProtocolSpace.check(TaceProtocol.parse("Epirubicin; Lipiodol; PVA; Absolute Alcohol")))
                .containsExactly("tace.alcohol-excludes-pva", "tace.embolic-count");
        assertThat(ProtocolSpace.check(TaceProtocol.parse("Epirubicin; Lipiodol; PVA; Gelatin Sponge")))
                .containsExactly("tace.pva-excludes-gelatin-sponge", "tace.embolic-count");
        // Two extra embolics that do not conflict break only the count rule.
        assertThat(ProtocolSpace.check(TaceProtocol.parse("Epirubicin; Lipiodol; NBCA; Gelatin Sponge")))
                .containsExactly("tace.embolic-count");
    }

    @Test
    void lipiodolAndDrugCountsAreRequired() {
        List<RuleViolation> noLipiodol = ProtocolSpace.violations(TaceProtocol.parse("Epirubicin; Gelatin Sponge"));
        assertThat(noLipiodol).extracting(RuleViolation::ruleId).containsExactly("tace.lipiodol-required");
        assertThat(noLipiodol.get(0).message()).startsWith("no Lipiodol: ");
        assertThat(ProtocolSpace.check(TaceProtocol.parse("Lipiodol; Gelatin Sponge")))
                .containsExactly("tace.drug-count");
        assertThat(ProtocolSpace.check(TaceProtocol.parse("Raltitrexed; Epirubicin; Mitomycin; Lipiodol")))
                .containsExactly("tace.drug-count");
    }

    @Test
    void rulesHaveUniqueIdsAndReasons() {
        List<String> ids = new ArrayList<>();
        for (ProtocolRule rule : ProtocolSpace.rules()) {
            ids.add(rule.id());
            assertThat(rule.reason()).isNotBlank();
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(7);
    }
}
