package dev.vigil.offlinerl.dynamics;

/**
 * The safety cost of a simulated step (non-negative), supplied by the caller, e.g. an adapter over the
 * safety module's {@code CostModel} that unscales the state first.
 */
@FunctionalInterface
public interface CostFunction {

    /** A cost function that never charges anything. */
    CostFunction NONE = (state, action, nextState) -> 0;

    /**
     * @param state {@code double[s]}, scaled
     * @param action {@code double[a]}, scaled
     * @param nextState {@code double[s]}, scaled, as the model predicted it
     * @return the cost, >= 0
     */
    double cost(double[] state, double[] action, double[] nextState);
}
