package dev.vigil.ingestion.synth.sepsis;

import java.util.List;

/**
 * One simulated patient from the window start to the horizon or death, with the true values behind it.
 *
 * @param states shape (steps + 1): the state at the start of each bloc, then the state after the last step
 *     (not alive when the patient died in the window); the bloc of death as charted, i.e. with the chart and
 *     observation of what preceded the death ({@link SepsisTransition#treated})
 * @param decisions shape (steps): the action of each bloc and its unsafe-choice label
 * @param deathProbabilities shape (steps): the true probability of death in each bloc
 * @param stepRewards shape (steps): {@link SepsisReward#step}, or for the bloc of death the padding
 *     {@link SepsisReward#deathPadding} up to the horizon; the terminal reward is not included
 * @param outcome death within 90 days of onset
 * @param horizon the number of blocs the episode was run for
 */
public record Episode(List<SepsisState> states, List<Decision> decisions, List<Double> deathProbabilities,
        List<Double> stepRewards, LongTermOutcome outcome, int horizon) {

    public Episode {
        states = List.copyOf(states);
        decisions = List.copyOf(decisions);
        deathProbabilities = List.copyOf(deathProbabilities);
        stepRewards = List.copyOf(stepRewards);
        if (states.size() != decisions.size() + 1 || decisions.size() != stepRewards.size()
                || decisions.size() != deathProbabilities.size()) {
            throw new IllegalArgumentException("An episode of n steps has n + 1 states and n decisions, death"
                    + " probabilities and rewards; got " + states.size() + ", " + decisions.size() + ", "
                    + deathProbabilities.size() + " and " + stepRewards.size());
        }
    }

    public PatientParameters patient() {
        return states.get(0).patient();
    }

    /** Number of blocs treated. */
    public int steps() {
        return decisions.size();
    }

    /** Whether the patient died inside the simulated blocs. */
    public boolean diedInWindow() {
        return !states.get(states.size() - 1).alive();
    }

    /** The bloc the patient died in, or -1. */
    public int deathBloc() {
        return diedInWindow() ? steps() - 1 : -1;
    }

    /** The terminal reward for the 90-day outcome. */
    public double terminalReward() {
        return SepsisReward.terminal(outcome.died());
    }

    /** Undiscounted return. */
    public double totalReturn() {
        return discountedReturn(1.0);
    }

    /** Discounted return; the terminal reward is discounted with the last step. */
    public double discountedReturn(double gamma) {
        double total = 0;
        double factor = 1;
        for (int t = 0; t < stepRewards.size(); t++) {
            total += factor * stepRewards.get(t);
            if (t < stepRewards.size() - 1) {
                factor *= gamma;
            }
        }
        return total + factor * terminalReward();
    }

    /** Number of decisions that were unsafe choices. */
    public int unsafeDecisions() {
        return (int) decisions.stream().filter(decision -> decision.unsafeChoice().isUnsafe()).count();
    }
}
