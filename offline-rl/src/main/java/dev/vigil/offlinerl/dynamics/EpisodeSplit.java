package dev.vigil.offlinerl.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A split of episodes into a training and a held-out part, by whole episodes so that no patient's steps
 * land on both sides.
 *
 * @param training episodes to fit on
 * @param holdout episodes for early stopping or evaluation
 */
public record EpisodeSplit(List<ScaledEpisode> training, List<ScaledEpisode> holdout) {

    public EpisodeSplit {
        training = List.copyOf(training);
        holdout = List.copyOf(holdout);
    }

    /**
     * Shuffles episode order with {@code seed} and holds out {@code round(fraction * n)} episodes (at least
     * one when {@code fraction > 0} and at least one is left for training).
     *
     * @param fraction in [0, 1)
     */
    public static EpisodeSplit byEpisode(List<ScaledEpisode> episodes, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("Holdout fraction " + fraction + " is outside [0, 1); 0.2 is usual");
        }
        List<ScaledEpisode> shuffled = new ArrayList<>(episodes);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ScaledEpisode swap = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swap);
        }
        int held = (int) Math.round(fraction * shuffled.size());
        if (fraction > 0 && held == 0 && shuffled.size() > 1) {
            held = 1;
        }
        held = Math.min(held, shuffled.size() - 1);
        return new EpisodeSplit(shuffled.subList(held, shuffled.size()), shuffled.subList(0, held));
    }
}
