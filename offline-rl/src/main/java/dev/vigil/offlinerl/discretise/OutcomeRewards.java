package dev.vigil.offlinerl.discretise;

import dev.vigil.ingestion.dataset.Episode;

/**
 * Rewards for data without a reward column (ingested clinical data has an outcome, not rewards), after
 * methods.md section 1 and the AI Clinician: 0 on every step but the last, whose reward is {@code survival} when the
 * patient survived the cohort's outcome horizon (90 days for icu-sepsis) and {@code death} when not. An episode with
 * no known outcome gets 0 there too, and is counted in the fit report ({@code rewardUnknownOutcomes}).
 *
 * <p>Not implemented: the OGSRL paper's and Raghu et al.'s intermediate SOFA (and lactate) shaping, which needs a
 * SOFA score per bloc; the ingested features do not carry one, and approximating it is left to a later change.
 */
final class OutcomeRewards {

    private OutcomeRewards() {
    }

    /** The rewards of one episode, shape (steps). */
    static double[] of(Episode e, double survival, double death) {
        double[] r = new double[e.steps()];
        if (e.outcome() != null) {
            r[e.steps() - 1] = e.outcome().event() ? death : survival;
        }
        return r;
    }
}
