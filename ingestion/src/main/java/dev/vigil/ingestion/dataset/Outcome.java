package dev.vigil.ingestion.dataset;

/**
 * What happened to the patient of an episode, measured from its anchor.
 *
 * @param event true for the event (death within the cohort's horizon, or death for survival cohorts)
 * @param days days from the anchor to the event, or to the last follow-up when there was none; NaN when
 *     unknown
 */
public record Outcome(boolean event, double days) {

    public Outcome {
        if (Double.isInfinite(days)) {
            throw new IllegalArgumentException("Outcome days must be finite or NaN (unknown)");
        }
    }
}
