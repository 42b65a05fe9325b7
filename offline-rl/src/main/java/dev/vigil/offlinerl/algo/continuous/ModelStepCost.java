package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.safety.cost.CostModel;

/**
 * The rule set's cost of a simulated step, as every model environment charges it: the cost model applied to the
 * (previous state, state, dose) mapped back to dataset units, since rules are written in canonical clinical units.
 *
 * @param costModel the compiled rule set, or null for no costs
 * @param scaling maps the training scale back to dataset units
 */
record ModelStepCost(CostModel costModel, PolicyScaling scaling) {

    /** Whether there is a rule set to charge. */
    boolean present() {
        return costModel != null;
    }

    /** The step's cost, >= 0; 0 without a rule set. */
    double of(double[] previousState, double[] state, double[] action) {
        if (costModel == null) {
            return 0;
        }
        return costModel.totalCost(previousState == null ? null : scaling.unscaleState(previousState),
                scaling.unscaleState(state), scaling.unscaleAction(action));
    }
}
