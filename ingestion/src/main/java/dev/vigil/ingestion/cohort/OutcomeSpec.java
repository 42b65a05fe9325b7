package dev.vigil.ingestion.cohort;

/**
 * The outcome stored with each episode. Rewards are left to learners.
 *
 * @param kind death or survival
 * @param withinDays for {@link OutcomeKind#DEATH}: a death up to this many days after the anchor counts
 * @param duringStay for {@link OutcomeKind#DEATH}: a death before the end of the stay counts too (needs a
 *     {@code stay} in the specification); default false
 */
public record OutcomeSpec(OutcomeKind kind, Integer withinDays, Boolean duringStay) {

    public OutcomeSpec {
        if (kind == null) {
            throw new IllegalArgumentException("outcome needs kind: death or survival");
        }
        duringStay = duringStay != null && duringStay;
        if (kind == OutcomeKind.DEATH) {
            if (withinDays == null && !duringStay) {
                throw new IllegalArgumentException("outcome kind death needs withinDays (e.g. 90), duringStay: true, "
                        + "or both");
            }
            if (withinDays != null && withinDays <= 0) {
                throw new IllegalArgumentException("outcome.withinDays must be positive, got " + withinDays);
            }
        } else if (withinDays != null || duringStay) {
            throw new IllegalArgumentException("outcome kind survival follows patients to death or last follow-up: "
                    + "remove withinDays and duringStay");
        }
    }
}
