package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.discretise.DoseBins;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActionBalancedResamplerTest {

    /**
     * Skewed clinician: 80 % of 2,000 steps give no fluid and no vasopressor, the rest give a fluid dose only; the
     * 5x5 grid then holds bin (0, 0) with ~1,600 steps and four fluid bins with ~100 each. Resampled, each of the
     * five bins should be drawn a fifth of the time.
     */
    @Test
    void skewedDoseBinsAreDrawnEquallyOften() {
        SplittableRandom rng = new SplittableRandom(3);
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double fluid = rng.nextDouble() < 0.8 ? 0 : 100 + 900 * rng.nextDouble();
            episodes.add(ToyBandits.step("e" + i, new double[] {rng.nextDouble()}, new double[] {fluid, 0}, 0));
        }
        TrajectoryDataset data = new TrajectoryDataset(ToyBandits.schema(1, 2, true), episodes);
        DoseBins bins = DoseBins.fit(data);
        int[] ids = new int[episodes.size()];
        int[] logged = new int[bins.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = bins.id(((dev.vigil.ingestion.dataset.ContinuousActions) episodes.get(i).actions()).values()[0]);
            logged[ids[i]]++;
        }
        int used = 0;
        for (int n : logged) {
            used += n > 0 ? 1 : 0;
        }
        assertThat(used).isEqualTo(5);
        assertThat(logged[0]).isGreaterThan(1500);

        ActionBalancedResampler resampler = new ActionBalancedResampler(ids, 50);
        int draws = 50_000;
        int[] drawn = new int[bins.size()];
        SplittableRandom draw = new SplittableRandom(11);
        for (int i = 0; i < draws; i++) {
            drawn[ids[resampler.draw(draw)]]++;
        }
        for (int b = 0; b < bins.size(); b++) {
            if (logged[b] > 0) {
                assertThat(drawn[b] / (double) draws).as("bin %d", b).isCloseTo(0.2, within(0.01));
            } else {
                assertThat(drawn[b]).isZero();
            }
        }
    }

    @Test
    void rareBinsAreCappedAtMinBinCount() {
        // 100 transitions in bin 0, 5 in bin 1: with cap 50, bin 1 weighs 5/50 of bin 0: P(bin 1) = 0.1 / 1.1.
        int[] ids = new int[105];
        for (int i = 100; i < 105; i++) {
            ids[i] = 1;
        }
        ActionBalancedResampler resampler = new ActionBalancedResampler(ids, 50);
        double p1 = 0;
        for (int i = 100; i < 105; i++) {
            p1 += resampler.probability(i);
        }
        assertThat(p1).isCloseTo(0.1 / 1.1, within(1e-12));
        // Without the cap (minBinCount 1) the bins are equal.
        ActionBalancedResampler uncapped = new ActionBalancedResampler(ids, 1);
        assertThat(uncapped.probability(104) * 5).isCloseTo(0.5, within(1e-12));
        assertThat(uncapped.probability(0) * 100).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> new ActionBalancedResampler(new int[0], 5)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ActionBalancedResampler(new int[] {0}, 0)).hasMessageContaining("minBinCount");
    }
}
