package dev.vigil.worldmodel.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Set toxicity charges: a spec's charge for an embolic agent replaces, after the Cox fit, what the scorer charges for
 * adding it, in units of the fitted viable-volume coefficient; nothing else of the fit moves.
 */
class SetToxicityChargesTest {

    private static final int N = 150;
    private static final int GELATIN = ScorerFeatures.NAMES.indexOf("embolic_gelatin_sponge");
    private static final int PVA = ScorerFeatures.NAMES.indexOf("embolic_pva");
    private static final int INTENSITY = ScorerFeatures.NAMES.indexOf(ScorerFeatures.INTENSITY);
    private static final int EXTRA_EMBOLICS = ScorerFeatures.NAMES.indexOf(ScorerFeatures.EXTRA_EMBOLICS);

    /** Seeded rows: Gaussian covariates, 0/1 embolic columns with intensity and extra embolics that count them. */
    private static Fit data(long seed, double viableEffect) {
        Random random = new Random(seed);
        double[][] rows = new double[N][ScorerFeatures.NAMES.size()];
        double[] times = new double[N];
        int[] events = new int[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = random.nextGaussian();
            }
            for (int j = GELATIN; j < ScorerFeatures.NAMES.size(); j++) {
                rows[i][j] = random.nextDouble() < 0.3 ? 1 : 0;
            }
            double embolics = rows[i][GELATIN] + rows[i][PVA];
            rows[i][EXTRA_EMBOLICS] = embolics;
            rows[i][INTENSITY] = 1 + embolics + (random.nextDouble() < 0.2 ? 1 : 0);
            double eta = viableEffect * rows[i][0] + 0.3 * rows[i][INTENSITY];
            times[i] = -Math.log(random.nextDouble()) / (0.002 * Math.exp(eta));
            events[i] = random.nextDouble() < 0.85 ? 1 : 0;
        }
        return new Fit(rows, times, events);
    }

    private record Fit(double[][] rows, double[] times, int[] events) {
        SurvivalScorer scorer(ScorerSpec spec) {
            return SurvivalScorer.fit(rows, times, events, spec);
        }
    }

    /** The row with one more embolic agent at {@code column}, as ScorerFeatures would count it. */
    private static double[] adding(double[] row, int column) {
        double[] more = row.clone();
        more[column] = 1;
        more[INTENSITY] += 1;
        more[EXTRA_EMBOLICS] += 1;
        return more;
    }

    private static double[] without(double[] row) {
        double[] less = row.clone();
        less[GELATIN] = 0;
        less[PVA] = 0;
        less[EXTRA_EMBOLICS] = 0;
        less[INTENSITY] = 1;
        return less;
    }

    @Test
    void aSetChargeIsTheRiskOfAddingTheAgentInViableVolumeUnits() {
        Fit d = data(3, 0.7);
        ScorerSpec plain = ScorerSpec.parse("measured:intensity");
        SurvivalScorer fitted = d.scorer(plain);
        SurvivalScorer charged = d.scorer(ScorerSpec.parse("measured:intensity@gelatin sponge=0.14"));

        // The fitted columns keep their coefficients; the agent's own column joins after them.
        List<String> expected = new java.util.ArrayList<>(fitted.featureNames());
        expected.add("embolic_gelatin_sponge");
        assertThat(charged.featureNames()).isEqualTo(expected);
        assertThat(java.util.Arrays.copyOf(charged.coefficients(), 7)).containsExactly(fitted.coefficients(),
                within(0.0));
        double betaViable = fitted.coefficients()[0];
        double betaIntensity = fitted.coefficients()[6];
        assertThat(betaViable).isPositive();
        for (int i = 0; i < 10; i++) {
            double[] base = without(d.rows()[i]);
            // Gelatin Sponge now costs exactly 0.14 x beta_viable; PVA keeps the fitted intensity charge.
            assertThat(charged.risk(adding(base, GELATIN)) - charged.risk(base)).isCloseTo(0.14 * betaViable,
                    within(1e-12));
            assertThat(charged.risk(adding(base, PVA)) - charged.risk(base)).isCloseTo(betaIntensity,
                    within(1e-12));
            assertThat(fitted.risk(adding(base, GELATIN)) - fitted.risk(base)).isCloseTo(betaIntensity,
                    within(1e-12));
        }
        // The added column is centred and imputed at its training mean, so the mean training row's risk is kept.
        double mean = 0;
        for (double[] row : d.rows()) {
            mean += row[GELATIN] / N;
        }
        assertThat(charged.centre()[7]).isCloseTo(mean, within(1e-12));
        assertThat(charged.imputation()[7]).isCloseTo(mean, within(1e-12));
        assertThat(charged.setCharges()).containsExactly(Map.entry("embolic_gelatin_sponge", 0.14));
        assertThat(fitted.setCharges()).isEmpty();
    }

    @Test
    void theChargeReplacesEveryFittedTermTheAgentRaises() {
        Fit d = data(4, 0.7);
        // Split columns: adding an embolic raises extra_embolics; with its own column in the fit too, that is
        // replaced.
        SurvivalScorer split = d.scorer(ScorerSpec.parse("simulated:split@gelfoam=0.2"));
        SurvivalScorer own = d.scorer(ScorerSpec.parse("measured:intensity+embolic_gelatin_sponge"
                + "+embolic_pva@gelatin_sponge=0.05,PVA=0.3"));
        for (SurvivalScorer scorer : List.of(split, own)) {
            double betaViable = scorer.coefficients()[0];
            double[] base = without(d.rows()[0]);
            double gelatin = scorer == split ? 0.2 : 0.05;
            assertThat(scorer.risk(adding(base, GELATIN)) - scorer.risk(base)).isCloseTo(gelatin * betaViable,
                    within(1e-12));
        }
        double[] base = without(d.rows()[1]);
        assertThat(own.risk(adding(base, PVA)) - own.risk(base)).isCloseTo(0.3 * own.coefficients()[0],
                within(1e-12));
        assertThat(split.source()).isEqualTo(ScorerSpec.Source.SIMULATED);
    }

    @Test
    void jsonKeepsTheChargesAndEveryPrediction() {
        Fit d = data(5, 0.7);
        SurvivalScorer charged = d.scorer(ScorerSpec.parse("measured:intensity@gelatin sponge=0.14"));
        SurvivalScorer back = SurvivalScorer.fromJson(charged.toJson(), "scorer.json");
        assertThat(back.setCharges()).isEqualTo(charged.setCharges());
        assertThat(back.featureNames()).isEqualTo(charged.featureNames());
        for (int i = 0; i < 5; i++) {
            assertThat(back.risk(d.rows()[i])).isEqualTo(charged.risk(d.rows()[i]));
        }
        assertThat(back.toJson()).isEqualTo(charged.toJson());
        assertThat(new String(d.scorer(ScorerSpec.defaults()).toJson(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("setToxicityCharges");
    }

    @Test
    void aChargeNeedsAPositiveViableCoefficient() {
        // Survival that gets longer with the viable volume: the fit's viable coefficient is negative.
        Fit d = data(6, -1.5);
        assertThatThrownBy(() -> d.scorer(ScorerSpec.parse("measured:intensity@gelatin sponge=0.14")))
                .hasMessageContaining(ScorerFeatures.POST_VIABLE).hasMessageContaining("positive");
    }

    @Test
    void specsParseChargesAndRefuseWhatCannotBeCharged() {
        ScorerSpec spec = ScorerSpec.parse("simulated:split@PVA=0.3,Gelfoam=0.1");
        // Stored in column order whatever the order written.
        assertThat(spec.charges()).containsExactly(Map.entry("embolic_gelatin_sponge", 0.1),
                Map.entry("embolic_pva", 0.3));
        assertThat(spec.label()).isEqualTo("simulated:split@gelatin_sponge=0.1,pva=0.3");
        assertThat(ScorerSpec.parse(spec.label())).isEqualTo(spec);
        assertThat(ScorerSpec.parse("measured").charges()).isEmpty();
        assertThat(ScorerSpec.parse("measured:intensity@gelatin sponge=0.14")).isEqualTo(ScorerSpec.defaults()
                .withCharges(Map.of("embolic_gelatin_sponge", 0.14)));

        assertThatThrownBy(() -> ScorerSpec.parse("measured@epirubicin=0.1")).hasMessageContaining("Epirubicin")
                .hasMessageContaining("embolic agent beyond Lipiodol");
        assertThatThrownBy(() -> ScorerSpec.parse("measured@lipiodol=0.1")).hasMessageContaining("Lipiodol");
        assertThatThrownBy(() -> ScorerSpec.parse("measured@unobtainium=0.1")).hasMessageContaining("'unobtainium'");
        assertThatThrownBy(() -> ScorerSpec.parse("measured@gelatin sponge")).hasMessageContaining("AGENT=CHARGE");
        assertThatThrownBy(() -> ScorerSpec.parse("measured@gelatin sponge=cheap")).hasMessageContaining("cheap");
        assertThatThrownBy(() -> ScorerSpec.parse("measured@gelatin sponge=-0.1"))
                .hasMessageContaining("Gelatin Sponge").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> ScorerSpec.parse("measured@gelatin sponge=NaN")).hasMessageContaining("finite");
        assertThatThrownBy(() -> ScorerSpec.parse("measured@gelatin sponge=0.1,gelfoam=0.2"))
                .hasMessageContaining("set twice");
        assertThatThrownBy(() -> ScorerSpec.defaults().withCharges(Map.of("log_afp", 1.0)))
                .hasMessageContaining("'log_afp'").hasMessageContaining("embolic_gelatin_sponge");
    }
}
