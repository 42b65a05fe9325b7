package dev.vigil.offlinerl.simulator.sepsis;

import java.util.SplittableRandom;

/** Answers {@link Chance} draws with independent uniforms from a seeded generator. */
final class RandomChance implements Chance {

    private final SplittableRandom rng;

    RandomChance(SplittableRandom rng) {
        this.rng = rng;
    }

    @Override
    public int draw(double... probabilities) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length;
    }
}
