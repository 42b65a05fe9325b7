package dev.vigil.ingestion.synth.sepsis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The OGSRL safety rules must have something to find in the simulated data. */
class SafetySignalsTest {

    @Test
    void lowSaturationAndLowCumulativeUrineOccurInClinicianEpisodes() {
        EpisodeSimulator episodes = new EpisodeSimulator(new SepsisSimulator());
        SplittableRandom root = new SplittableRandom(31);
        int blocs = 0;
        int lowSaturation = 0;
        int lowUrine = 0;
        for (int k = 0; k < 200; k++) {
            Episode episode = episodes.run(SepsisPolicies.clinician(0.1), EpisodeRandom.from(root.split()), 18);
            for (int t = 0; t < episode.steps(); t++) {
                SepsisObservation observation = episode.states().get(t).observation();
                blocs++;
                lowSaturation += observation.get(SepsisFeature.SPO2) < 92 ? 1 : 0;
                double urinePerKg =
                        observation.get(SepsisFeature.URINE_OUTPUT_CUM) / observation.get(SepsisFeature.WEIGHT);
                lowUrine += urinePerKg < 2 ? 1 : 0;
            }
        }

        assertThat((double) lowSaturation / blocs).isBetween(0.005, 0.3);
        assertThat((double) lowUrine / blocs).isBetween(0.005, 0.3);
    }
}
