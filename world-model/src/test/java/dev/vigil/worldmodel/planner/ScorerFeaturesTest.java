package dev.vigil.worldmodel.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.safety.contraindication.ChildPughClass;
import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed feature rows, the liver-frailty interaction, and scorers that read a subset of the columns. */
class ScorerFeaturesTest {

    private static TaceCovariates covariates(Integer childPugh, double bilirubin) {
        return new TaceCovariates(childPugh == null ? null : ChildPughClass.ofScore(childPugh), childPugh, bilirubin,
                3.5, 1.1, 150, 0.9, 99, 0, null, null, 1, 4);
    }

    @Test
    void rowIsComputedByHandIncludingIntensityTimesLiverFrailty() {
        ImageSummary pre = new ImageSummary(19, 15, 0.2, 55);
        ImageSummary post = new ImageSummary(9, 6, 0.3, 40);
        // Two drugs, Lipiodol and Gelatin Sponge: intensity 2 + 2 - 1 = 3.
        TaceProtocol protocol = TaceProtocol.parse("Epirubicin; Cisplatin; Lipiodol; Gelatin Sponge");
        // Child-Pugh 8 (3 points above 5), bilirubin 2.0 (0.8 above 1.2): frailty 3.8, column 3 x 3.8 = 11.4.
        double[] row = ScorerFeatures.of(pre, post, covariates(8, 2.0), protocol);

        assertThat(row).hasSize(ScorerFeatures.NAMES.size());
        assertThat(row).containsExactly(new double[] {
            Math.log(7), Math.log(20), 0.55, 8, Math.log(2.0), Math.log(100), 3, 11.4, 1, 1, 1, 0, 0, 0},
                within(1e-12));
        assertThat(ScorerFeatures.NAMES.subList(10, 14)).containsExactly("embolic_gelatin_sponge", "embolic_pva",
                "embolic_absolute_alcohol", "embolic_nbca");
        // Split: a single drug with Lipiodol and PVA and Absolute Alcohol has no extra drug and two extra embolics.
        double[] embolics = ScorerFeatures.of(pre, post, covariates(8, 2.0),
                TaceProtocol.parse("Epirubicin; Lipiodol; PVA; Absolute Alcohol"));
        assertThat(embolics[6]).isEqualTo(3);
        assertThat(embolics[8]).isZero();
        assertThat(embolics[9]).isEqualTo(2);
        assertThat(Arrays.copyOfRange(embolics, 10, 14)).containsExactly(0, 1, 1, 0);
    }

    @Test
    void aNormalLiverHasNoFrailtyAndMissingLabsCountAsNormal() {
        TaceProtocol two = TaceProtocol.parse("Epirubicin; Lipiodol");
        ImageSummary s = new ImageSummary(10, 5, 0.5, 50);
        // Child-Pugh 5 and bilirubin 1.0: nothing above normal.
        assertThat(ScorerFeatures.liverFrailty(covariates(5, 1.0))).isZero();
        assertThat(ScorerFeatures.of(s, s, covariates(5, 1.0), two)[7]).isZero();
        // Score missing, bilirubin 1.5: only the bilirubin excess 0.3 counts; the score column itself stays NaN.
        double[] row = ScorerFeatures.of(s, s, covariates(null, 1.5), two);
        assertThat(row[3]).isNaN();
        assertThat(row[7]).isCloseTo(0.3, within(1e-12));
        assertThat(ScorerFeatures.liverFrailty(TaceCovariates.unknown())).isZero();
    }

    @Test
    void aScorerReadsOnlyItsOwnColumnsOfTheFullRow() {
        SurvivalScorer intensityOnly = fitted(ScorerSpec.INTENSITY_COLUMNS);
        SurvivalScorer withFrailty = fitted(ScorerSpec.FRAILTY_COLUMNS);
        double[] row = {1.0, 2.0, 0.5, 6, 0.1, 3, 2, 2, 1, 0, 0, 0, 0, 0};
        double[] moreFrail = row.clone();
        moreFrail[7] = 6;

        assertThat(intensityOnly.featureNames()).doesNotContain(ScorerFeatures.INTENSITY_X_FRAILTY);
        assertThat(intensityOnly.risk(moreFrail)).isEqualTo(intensityOnly.risk(row));
        double beta = withFrailty.coefficients()[7];
        assertThat(withFrailty.risk(moreFrail) - withFrailty.risk(row)).isCloseTo(4 * beta, within(1e-12));
        assertThatThrownBy(() -> intensityOnly.risk(new double[7])).hasMessageContaining("feature row has 7 values")
                .hasMessageContaining("expected " + ScorerFeatures.NAMES.size());
    }

    @Test
    void jsonKeepsColumnsAndSourceAndOldScorersLoadAsMeasured() {
        SurvivalScorer scorer = fitted(ScorerSpec.FRAILTY_COLUMNS);
        SurvivalScorer back = SurvivalScorer.fromJson(scorer.toJson(), "scorer.json");
        assertThat(back.featureNames()).isEqualTo(ScorerSpec.FRAILTY_COLUMNS);
        assertThat(back.source()).isEqualTo(ScorerSpec.Source.SIMULATED);
        assertThat(back.toJson()).isEqualTo(scorer.toJson());

        String old = new String(fitted(ScorerSpec.INTENSITY_COLUMNS).toJson(), StandardCharsets.UTF_8)
                .replaceFirst("\\s*\"postTreatmentFeatures\" : \"simulated\",", "");
        assertThat(old).doesNotContain("postTreatmentFeatures");
        assertThat(SurvivalScorer.fromJson(old.getBytes(StandardCharsets.UTF_8), "old.json").source())
                .isEqualTo(ScorerSpec.Source.MEASURED);

        String unknown = new String(scorer.toJson(), StandardCharsets.UTF_8).replace("\"intensity_x_frailty\"",
                "\"toxicity\"");
        assertThatThrownBy(() -> SurvivalScorer.fromJson(unknown.getBytes(StandardCharsets.UTF_8), "bad.json"))
                .hasMessageContaining("bad.json").hasMessageContaining("'toxicity'");
    }

    @Test
    void specsParseAndRefuseWhatTheyCannotFit() {
        assertThat(ScorerSpec.parse("simulated:frailty")).isEqualTo(new ScorerSpec(ScorerSpec.FRAILTY_COLUMNS,
                ScorerSpec.Source.SIMULATED));
        assertThat(ScorerSpec.parse("measured")).isEqualTo(new ScorerSpec(ScorerSpec.INTENSITY_COLUMNS,
                ScorerSpec.Source.MEASURED));
        assertThat(ScorerSpec.parse("Simulated:intensity").label()).isEqualTo("simulated:intensity");
        assertThat(ScorerSpec.parse("measured:split").columns()).endsWith(ScorerFeatures.EXTRA_DRUGS,
                ScorerFeatures.EXTRA_EMBOLICS).doesNotContain(ScorerFeatures.INTENSITY);
        assertThat(ScorerSpec.parse("simulated:extra_drugs+embolic_pva").columns()).hasSize(8)
                .endsWith(ScorerFeatures.EXTRA_DRUGS, "embolic_pva");
        assertThatThrownBy(() -> ScorerSpec.parse("measured:log_afp")).hasMessageContaining("'log_afp'");
        assertThatThrownBy(() -> ScorerSpec.parse("noisy")).hasMessageContaining("'noisy'");
        assertThatThrownBy(() -> ScorerSpec.parse("measured:toxic")).hasMessageContaining("'toxic'");
        assertThatThrownBy(() -> new ScorerSpec(List.of("intensity", ScorerFeatures.POST_VIABLE),
                ScorerSpec.Source.MEASURED)).hasMessageContaining("out of order");
        assertThatThrownBy(() -> new ScorerSpec(List.of("pre_tumour_log_ml", "intensity"),
                ScorerSpec.Source.MEASURED)).hasMessageContaining(ScorerFeatures.POST_VIABLE);
    }

    /** A scorer on seeded random full rows whose hazard grows with column 7 (the interaction). */
    private static SurvivalScorer fitted(List<String> columns) {
        java.util.Random random = new java.util.Random(3);
        int n = 80;
        double[][] rows = new double[n][ScorerFeatures.NAMES.size()];
        double[] times = new double[n];
        int[] events = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = random.nextGaussian();
            }
            times[i] = -Math.log(random.nextDouble()) / (0.002 * Math.exp(0.6 * rows[i][0] + 0.5 * rows[i][7]));
            events[i] = random.nextDouble() < 0.8 ? 1 : 0;
        }
        return SurvivalScorer.fit(rows, times, events, columns, ScorerSpec.Source.SIMULATED);
    }
}
