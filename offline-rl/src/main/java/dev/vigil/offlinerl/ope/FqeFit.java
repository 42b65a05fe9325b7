package dev.vigil.offlinerl.ope;

/**
 * What fitted-Q evaluation learned.
 *
 * @param q the fitted action values
 * @param unsupportedPairs (state, action) pairs the evaluation policy would take with
 *     positive probability in a logged state but that never occur in the data; their Q is 0, which is a guess
 * @param iterations Bellman backups made
 */
public record FqeFit(TabularQFunction q, int unsupportedPairs, int iterations) {

    public FqeFit {
        if (q == null) {
            throw new IllegalArgumentException("An FQE fit needs its Q table");
        }
    }
}
