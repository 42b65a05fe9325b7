package dev.vigil.offlinerl.algo;

/**
 * What every algorithm config record has in common. Implementations are records whose compact constructors
 * validate every field and say how to fix a bad value; they are serialised to canonical JSON for
 * {@link PolicyProvenance}, so they hold only numbers, strings, booleans and enums.
 */
public interface AlgorithmConfig {

    /**
     * The seed of the run: the algorithm draws all its randomness from one {@link java.util.SplittableRandom}
     * made from it, so the same seed, data and code give the same policy.
     */
    long seed();
}
