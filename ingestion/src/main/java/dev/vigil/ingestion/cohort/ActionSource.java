package dev.vigil.ingestion.cohort;

/** Where an action's values come from. */
public enum ActionSource {
    /**
     * MedicationAdministration {@code dosage.dose} (an amount, e.g. a volume in mL) given over
     * {@code effectivePeriod}; split across blocs in proportion to the overlap. Aggregation must be sum.
     */
    MEDICATION_DOSE,
    /**
     * MedicationAdministration {@code dosage.rateQuantity} (or {@code rateRatio}) running over
     * {@code effectivePeriod}; every bloc the period overlaps sees the rate. Aggregation must be max.
     */
    MEDICATION_RATE,
    /**
     * A Procedure with one of the action's {@code procedureCodes} whose {@code usedCode} carries one of the
     * ingredient codes: 1 per such procedure in its bloc. Aggregation max (given or not) or sum (how often).
     */
    PROCEDURE_COMPONENT
}
