package dev.vigil.worldmodel.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MeWM's selection metrics on hand-made component sets. */
class SelectionScoresTest {

    @Test
    void extraComponentCostsPrecisionOnly() {
        // chosen {Epirubicin, Lipiodol, Gelatin Sponge}, best {Epirubicin, Lipiodol}: 2 shared of 3 and of 2.
        SelectionScores s = SelectionScores.of(TaceProtocol.parse("Epirubicin; Lipiodol; Gelatin Sponge"),
                TaceProtocol.parse("Epirubicin; Lipiodol"), 700, 760);
        assertThat(s.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.f1()).isCloseTo(0.8, within(1e-12));
        assertThat(s.jaccard()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.top1()).isFalse();
        assertThat(s.regretDays()).isEqualTo(60.0);
    }

    @Test
    void partlyWrongChoice() {
        // chosen {Oxaliplatin, Lipiodol}, best {Pirarubicin, Lipiodol, PVA}: 1 shared, union 4.
        SelectionScores s = SelectionScores.of(TaceProtocol.parse("Oxaliplatin; Lipiodol"),
                TaceProtocol.parse("Pirarubicin; Lipiodol; PVA"), 500, 620.5);
        assertThat(s.precision()).isEqualTo(0.5);
        assertThat(s.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.f1()).isCloseTo(0.4, within(1e-12)); // 2 (1/2)(1/3) / (5/6)
        assertThat(s.jaccard()).isEqualTo(0.25);
        assertThat(s.regretDays()).isEqualTo(120.5);
    }

    @Test
    void exactChoiceIsTopOneWithoutRegret() {
        TaceProtocol p = TaceProtocol.parse("Lobaplatin; Mitomycin; Lipiodol; NBCA");
        SelectionScores s = SelectionScores.of(p, TaceProtocol.parse("NBCA; Mitomycin; Lipiodol; Lobaplatin"), 900, 900);
        assertThat(s.top1()).isTrue();
        assertThat(List.of(s.precision(), s.recall(), s.f1(), s.jaccard())).containsOnly(1.0);
        assertThat(s.regretDays()).isZero();
    }

    @Test
    void summaryAveragesAndTakesTheMedianRegret() {
        SelectionScores a = new SelectionScores(1, 1, 1, 1, true, 0);
        SelectionScores b = new SelectionScores(0.5, 0.25, 1.0 / 3, 0.2, false, 30);
        SelectionScores c = new SelectionScores(0, 0, 0, 0, false, 90);
        SelectionSummary s = SelectionSummary.of("m", List.of(a, b, c));
        assertThat(s.patients()).isEqualTo(3);
        assertThat(s.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(s.recall()).isCloseTo(1.25 / 3, within(1e-12));
        assertThat(s.f1()).isCloseTo((1 + 1.0 / 3) / 3, within(1e-12));
        assertThat(s.jaccard()).isCloseTo(0.4, within(1e-12));
        assertThat(s.top1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.meanRegretDays()).isEqualTo(40.0);
        assertThat(s.medianRegretDays()).isEqualTo(30.0);
        assertThat(SelectionSummary.of("m", List.of(a, b)).medianRegretDays()).isEqualTo(15.0);
    }
}
