package dev.vigil.ingestion.synth.sepsis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClinicianPolicyTest {

    private final EpisodeSimulator episodes = new EpisodeSimulator(new SepsisSimulator());

    @Test
    void observedUnsafeRateIsWithinBinomialToleranceOfTheConfiguredRate() {
        double rate = 0.10;
        long decisions = 0;
        long unsafe = 0;
        SplittableRandom root = new SplittableRandom(2024);
        for (int k = 0; k < 300; k++) {
            Episode episode = episodes.run(SepsisPolicies.clinician(rate), EpisodeRandom.from(root.split()), 18);
            decisions += episode.steps();
            unsafe += episode.unsafeDecisions();
        }
        double tolerance = 4 * Math.sqrt(rate * (1 - rate) / decisions);

        assertThat((double) unsafe / decisions).isBetween(rate - tolerance, rate + tolerance);
    }

    @Test
    void safeDecisionsStayWithinTheCeilingsAndUnsafeOnesBreakThem() {
        ClinicianPolicyConfig config = ClinicianPolicyConfig.withUnsafeRate(0.3);
        SplittableRandom root = new SplittableRandom(7);
        int[] seen = new int[UnsafeChoice.values().length];
        for (int k = 0; k < 100; k++) {
            Episode episode = episodes.run(new ClinicianPolicy(config), EpisodeRandom.from(root.split()), 18);
            for (int t = 0; t < episode.steps(); t++) {
                Decision decision = episode.decisions().get(t);
                SepsisAction action = decision.action();
                double map = episode.states().get(t).observation().get(SepsisFeature.MAP);
                seen[decision.unsafeChoice().ordinal()]++;
                switch (decision.unsafeChoice()) {
                    case NONE -> {
                        assertThat(action.ivFluidMl()).isLessThanOrEqualTo(config.fluidCeilingMl());
                        assertThat(action.vasopressor()).isLessThanOrEqualTo(config.vasopressorCeiling());
                    }
                    case FLUID_ABOVE_CEILING -> assertThat(action.ivFluidMl()).isGreaterThan(config.fluidCeilingMl());
                    case VASOPRESSOR_ABOVE_CEILING ->
                        assertThat(action.vasopressor()).isGreaterThan(config.vasopressorCeiling());
                    case WITHHELD_VASOPRESSOR -> {
                        assertThat(action.vasopressor()).isZero();
                        assertThat(map).isLessThan(config.mapTarget());
                    }
                }
            }
        }
        for (UnsafeChoice choice : UnsafeChoice.values()) {
            assertThat(seen[choice.ordinal()]).as(choice.name()).isPositive();
        }
    }

    @Test
    void aZeroRateNeverChoosesUnsafely() {
        SplittableRandom root = new SplittableRandom(1);
        for (int k = 0; k < 30; k++) {
            Episode episode = episodes.run(SepsisPolicies.clinician(0), EpisodeRandom.from(root.split()), 18);
            assertThat(episode.unsafeDecisions()).isZero();
        }
    }

    @Test
    void hypotensionAfterFluidsBringsVasopressors() {
        double[] values = new SepsisSimulator().reset(new SplittableRandom(1)).observation().values();
        values[SepsisFeature.MAP.ordinal()] = 55;
        values[SepsisFeature.FLUID_INPUT_CUM.ordinal()] = 40 * values[SepsisFeature.WEIGHT.ordinal()];
        PolicyInput input = new PolicyInput(0, java.util.List.of(new SepsisObservation(values)), java.util.List.of());

        Decision decision = SepsisPolicies.clinician(0).decide(input, new SplittableRandom(3));

        assertThat(decision.action().vasopressor()).isGreaterThan(0);
        assertThat(decision.action().ivFluidMl()).isGreaterThan(0);
    }

    @Test
    void configRejectsValuesWithAFix() {
        assertThatThrownBy(() -> ClinicianPolicyConfig.withUnsafeRate(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.1 for 10 %");
        assertThatThrownBy(() -> new ClinicianPolicyConfig(0.1, 100, 0.5, 65)).hasMessageContaining("default 2000");
        assertThatThrownBy(() -> new ClinicianPolicyConfig(0.1, 2000, 0, 65)).hasMessageContaining("default 0.5");
    }
}
