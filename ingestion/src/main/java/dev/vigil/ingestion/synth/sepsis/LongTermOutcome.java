package dev.vigil.ingestion.synth.sepsis;

/**
 * Whether a patient died within 90 days of onset (the cohort's outcome) and when.
 *
 * @param died death in the window or within 90 days of onset
 * @param deathMinute minutes since the window start, or -1 when alive at 90 days
 * @param lateDeathProbability the true probability of death after the window given the state at its end
 *     (0 for a patient who died in the window)
 */
public record LongTermOutcome(boolean died, int deathMinute, double lateDeathProbability) {
}
