package dev.vigil.ingestion.synth.sepsis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SepsisRewardTest {

    @Test
    void aHealthyObservationScoresZeroAndTheBestStepReward() {
        SepsisObservation healthy = observation(450, 250, 0.6, 80, 15, 0.9, 300);

        assertThat(SepsisReward.sofa(healthy, 0)).isZero();
        assertThat(SepsisReward.step(healthy, SepsisAction.NONE)).isEqualTo(-2.5);
    }

    @Test
    void eachComponentFollowsTheSofaThresholds() {
        // pf 150 -> 3, platelets 45 -> 3, bilirubin 2.5 -> 2, MAP 60 no drug -> 1, GCS 12 -> 2, creatinine 1.5 -> 1
        SepsisObservation sick = observation(150, 45, 2.5, 60, 12, 1.5, 300);

        assertThat(SepsisReward.sofa(sick, 0)).isEqualTo(12);
        assertThat(SepsisReward.sofa(sick, 0.05)).isEqualTo(14); // cardiovascular 1 -> 3
        assertThat(SepsisReward.sofa(sick, 0.2)).isEqualTo(15); // cardiovascular -> 4
        assertThat(SepsisReward.step(sick, new SepsisAction(0, 0.2))).isEqualTo(-12.5);
    }

    @Test
    void lowUrineScoresTheRenalComponent() {
        // 30 mL in the bloc is 180 mL/day -> 4
        assertThat(SepsisReward.renal(0.8, 30 * 6)).isEqualTo(4);
        assertThat(SepsisReward.renal(0.8, 70 * 6)).isEqualTo(3);
        assertThat(SepsisReward.renal(5.2, 2000)).isEqualTo(4);
    }

    @Test
    void terminalAndDeathPaddingAreAsDocumented() {
        assertThat(SepsisReward.terminal(false)).isEqualTo(1);
        assertThat(SepsisReward.terminal(true)).isEqualTo(-1);
        assertThat(SepsisReward.deathPadding(3)).isEqualTo(-37.5);
    }

    @Test
    void episodeReturnIsTheSumOfStepRewardsAndTheTerminal() {
        Episode episode = new EpisodeSimulator(new SepsisSimulator())
                .run(SepsisPolicies.clinician(0.1), EpisodeRandom.from(new SplittableRandom(12)), 18);
        double sum = episode.stepRewards().stream().mapToDouble(Double::doubleValue).sum();

        assertThat(episode.totalReturn()).isEqualTo(sum + episode.terminalReward());
        assertThat(episode.stepRewards()).allSatisfy(reward -> assertThat(reward).isLessThanOrEqualTo(-2.5));
    }

    private static SepsisObservation observation(double pf, double platelets, double bilirubin, double map, double gcs,
            double creatinine, double urine) {
        double[] values = new double[SepsisFeature.COUNT];
        values[SepsisFeature.PF_RATIO.ordinal()] = pf;
        values[SepsisFeature.PLATELETS.ordinal()] = platelets;
        values[SepsisFeature.BILIRUBIN.ordinal()] = bilirubin;
        values[SepsisFeature.MAP.ordinal()] = map;
        values[SepsisFeature.GCS.ordinal()] = gcs;
        values[SepsisFeature.CREATININE.ordinal()] = creatinine;
        values[SepsisFeature.URINE_OUTPUT.ordinal()] = urine;
        return new SepsisObservation(values);
    }
}
