package dev.vigil.ingestion.synth.sepsis;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A treatment policy for the simulator: the current observation (and, if it wants, the history) to the
 * bloc's action. A learned policy works on the observation vector in {@link SepsisFeature} order and
 * canonical units, exactly the representation of the {@code icu-sepsis} dataset.
 */
@FunctionalInterface
public interface SepsisPolicy {

    /**
     * The action for {@code input.bloc()}.
     *
     * @param rng this policy's own random stream (separate from the dynamics' one), for stochastic policies
     */
    SepsisAction act(PolicyInput input, SplittableRandom rng);

    /** A deterministic policy of the current observation vector ({@link SepsisFeature} order) only. */
    static SepsisPolicy ofObservation(Function<double[], SepsisAction> policy) {
        return (input, rng) -> policy.apply(input.current().values());
    }
}
