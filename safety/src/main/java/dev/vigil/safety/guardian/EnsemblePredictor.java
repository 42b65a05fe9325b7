package dev.vigil.safety.guardian;

/**
 * Next-state predictions of every member of a dynamics ensemble, so that a model living elsewhere (e.g.
 * a DJL ensemble in world-model) can plug into {@link EnsembleDisagreementGuardian} without this
 * package knowing about it. Implementations must be safe to call from several threads.
 */
@FunctionalInterface
public interface EnsemblePredictor {

    /**
     * @param point {@code double[d]}: the scaled (state, action) concatenation
     * @return {@code double[members][s]}: each member's predicted next state, members >= 2
     */
    double[][] predict(double[] point);
}
