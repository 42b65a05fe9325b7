package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.OutcomeKind;
import dev.vigil.ingestion.cohort.OutcomeSpec;
import dev.vigil.ingestion.dataset.Outcome;

/**
 * An episode's outcome. {@code days} runs from the anchor to death when the patient died (whether or not the
 * death counts as the event), else to the last follow-up: the latest time of any of the patient's resources.
 * <ul>
 *   <li>death: the event is a death within {@code withinDays} of the anchor, or before the end of the stay
 *       (when {@code duringStay}).</li>
 *   <li>survival: the event is death.</li>
 * </ul>
 */
final class OutcomeRule {

    private static final double DAY = 86_400_000.0;

    private final OutcomeSpec spec;

    OutcomeRule(OutcomeSpec spec) {
        this.spec = spec;
    }

    Outcome outcome(PatientFacts patient, BlocGrid grid) {
        long death = patient.deceasedAt();
        long anchor = grid.anchor();
        if (death == FhirTimes.NONE) {
            long last = Math.max(patient.lastSeen(), anchor);
            return new Outcome(false, (last - anchor) / DAY);
        }
        double days = (death - anchor) / DAY;
        if (spec.kind() == OutcomeKind.SURVIVAL) {
            return new Outcome(true, days);
        }
        boolean within = spec.withinDays() != null && death - anchor <= spec.withinDays() * (long) DAY;
        boolean inStay = spec.duringStay() && grid.hasStay() && death >= grid.stayStart() && death <= grid.stayEnd();
        return new Outcome(within || inStay, days);
    }
}
