package dev.vigil.offlinerl.report;

/** Which checkpoint a report shows. */
public enum CheckpointSelection {

    /** The checkpoint with the highest iteration. */
    LAST("last"),
    /**
     * The checkpoint with the highest one-sided bootstrap lower bound of the selection estimator (WIS by default,
     * or WDR): the AI Clinician's criterion; ties go to the earlier checkpoint.
     */
    BEST_LOWER_BOUND("best-by-ope-lower-bound");

    private final String label;

    CheckpointSelection(String label) {
        this.label = label;
    }

    /** The label written in the report, {@code last} or {@code best-by-ope-lower-bound}. */
    public String label() {
        return label;
    }
}
