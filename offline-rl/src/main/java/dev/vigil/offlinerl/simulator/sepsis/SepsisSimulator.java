package dev.vigil.offlinerl.simulator.sepsis;

import java.util.SplittableRandom;

/**
 * Samples the Oberst &amp; Sontag simulator one step at a time. Every call takes the generator, so runs
 * are reproducible from a seed. Episodes last at most {@link #HORIZON} steps.
 */
public final class SepsisSimulator {

    /** Steps after which an episode is cut off. */
    public static final int HORIZON = 20;

    /**
     * A new patient: treatments off, diabetic with probability 0.2; the whole draw (diabetes included) is
     * repeated until the state is not terminal, as in the reference code.
     */
    public SepsisState reset(SplittableRandom rng) {
        Chance chance = new RandomChance(rng);
        SepsisState state = SepsisDynamics.initialDraw(chance);
        while (state.isTerminal()) {
            state = SepsisDynamics.initialDraw(chance);
        }
        return state;
    }

    /** One step: the treatments of {@code action} are applied to {@code state}. */
    public SepsisTransition step(SepsisState state, SepsisAction action, SplittableRandom rng) {
        if (state.isTerminal()) {
            throw new IllegalArgumentException("The episode has ended (death or discharge); call reset for a new "
                    + "patient");
        }
        SepsisState next = SepsisDynamics.next(state, action, new RandomChance(rng));
        return new SepsisTransition(next, next.reward(), next.isTerminal());
    }
}
