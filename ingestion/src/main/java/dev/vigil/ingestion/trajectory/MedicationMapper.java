package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.ActionSource;
import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.IngredientSpec;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConversion;
import dev.vigil.ingestion.units.UnitConversionException;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationDosageComponent;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * MedicationAdministrations to action facts: a dose ({@code dosage.dose}) over the effective time, or a rate
 * ({@code dosage.rateQuantity}, or {@code rateRatio} as numerator / denominator) over it, converted to the
 * ingredient's unit and multiplied by its factor. A rate that lacks the per-kilogram part of a per-kilogram
 * unit (ug/min for ug/kg/min) is kept per weight and divided by the patient's weight when trajectories are
 * built. An effective time without an end is an instant at its start. Administrations entered in error or
 * not done are skipped.
 */
final class MedicationMapper {

    private final CohortAccumulator accumulator;
    private final CohortSpec spec;

    MedicationMapper(CohortAccumulator accumulator) {
        this.accumulator = accumulator;
        this.spec = accumulator.spec();
    }

    void map(MedicationAdministration administration, ResourceOrigin origin) {
        if (administration.getStatus() == MedicationAdministrationStatus.ENTEREDINERROR
                || administration.getStatus() == MedicationAdministrationStatus.NOTDONE) {
            return;
        }
        String label = CohortAccumulator.label(administration);
        CodeableConcept medication = medication(administration);
        List<SpecIndex.IngredientRef> matches = medication == null ? List.of()
                : accumulator.index().medication(medication);
        if (matches.isEmpty()) {
            String why = medication != null ? "medication " + SpecIndex.describe(medication) + " is not mapped by "
                    + "cohort " + spec.id()
                    : administration.hasMedicationReference() ? "medicationReference "
                    + administration.getMedicationReference().getReference() + " is not resolved (only contained "
                    + "Medications are read; use medicationCodeableConcept)" : "it names no medication";
            accumulator.report(IssueKind.UNMAPPED_CODE, origin, label + ": " + why);
            return;
        }
        PatientFacts patient = accumulator.subject(administration.getSubject(), administration, origin);
        if (patient == null) {
            return;
        }
        Type effective = administration.getEffective();
        long[] interval = FhirTimes.interval(effective);
        if (interval == null) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, label + ": no effective time (effectiveDateTime or "
                    + "effectivePeriod.start); it is not used");
            return;
        }
        if (effective instanceof Period && interval[1] != FhirTimes.NONE && interval[1] < interval[0]) {
            accumulator.report(IssueKind.OUT_OF_ORDER_TIME, origin, label + ": effectivePeriod.end is before "
                    + "effectivePeriod.start; it is not used");
            return;
        }
        long start = interval[0];
        long end = interval[1] == FhirTimes.NONE ? start : interval[1];
        patient.seen(end);
        MedicationAdministrationDosageComponent dosage = administration.getDosage();
        int ref = -1;
        for (SpecIndex.IngredientRef match : matches) {
            ActionSpec action = spec.actions().get(match.action());
            IngredientSpec ingredient = action.ingredients().get(match.ingredient());
            String where = label + " (" + action.name() + ", " + ingredient.name() + ")";
            Amount amount = action.source() == ActionSource.MEDICATION_DOSE ? dose(dosage, where, origin)
                    : rate(dosage, where, origin);
            if (amount == null) {
                continue;
            }
            String unit = ingredient.unit() != null ? ingredient.unit() : action.unit();
            byte flags = 0;
            UnitConversion conversion;
            try {
                conversion = convert(amount.unit(), unit, action);
                if (conversion == null) {
                    conversion = accumulator.units().conversion(amount.unit(), "(" + unit + ").kg");
                    flags = PatientFacts.PER_WEIGHT;
                }
            } catch (UnitConversionException e) {
                accumulator.report(e, origin, where + ": the amount is not used");
                continue;
            }
            double value = conversion.apply(amount.value()) * ingredient.factorOrOne();
            if (value < 0) {
                accumulator.report(IssueKind.IMPLAUSIBLE_VALUE, origin, where + ": the amount is negative; it is not "
                        + "used");
                continue;
            }
            if (ref < 0) {
                ref = patient.addRef(SourceType.MEDICATION_ADMINISTRATION, CohortAccumulator.idOf(administration,
                        origin));
            }
            patient.addAction(match.action(), start, end, value, flags, ref, flags != 0 ? origin : null);
        }
    }

    /**
     * The conversion to {@code unit}, or null when the amount converts only once multiplied by a weight
     * (and the action names a weight feature).
     */
    private UnitConversion convert(String from, String unit, ActionSpec action) {
        try {
            return accumulator.units().conversion(from, unit);
        } catch (UnitConversionException direct) {
            if (direct.kind() != IssueKind.UNCONVERTIBLE_UNIT || action.weightFeature() == null) {
                throw direct;
            }
            try {
                accumulator.units().conversion(from, "(" + unit + ").kg");
                return null;
            } catch (UnitConversionException perWeight) {
                throw direct;
            }
        }
    }

    private record Amount(double value, String unit) {
    }

    private Amount dose(MedicationAdministrationDosageComponent dosage, String where, ResourceOrigin origin) {
        Quantity dose = dosage.getDose();
        if (dose == null || dose.getValue() == null) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, where + ": no dosage.dose value; it is not used");
            return null;
        }
        return quantity(dose, where, origin);
    }

    private Amount rate(MedicationAdministrationDosageComponent dosage, String where, ResourceOrigin origin) {
        Type rate = dosage.getRate();
        if (rate instanceof Quantity quantity && quantity.getValue() != null) {
            return quantity(quantity, where, origin);
        }
        if (rate instanceof Ratio ratio && ratio.getNumerator().getValue() != null
                && ratio.getDenominator().getValue() != null && ratio.getDenominator().getValue().signum() != 0) {
            Amount numerator = quantity(ratio.getNumerator(), where, origin);
            Amount denominator = quantity(ratio.getDenominator(), where, origin);
            if (numerator == null || denominator == null) {
                return null;
            }
            return new Amount(numerator.value() / denominator.value(),
                    "(" + numerator.unit() + ")/(" + denominator.unit() + ")");
        }
        accumulator.report(IssueKind.MISSING_VALUE, origin, where + ": no dosage.rateQuantity or dosage.rateRatio "
                + "with values; it is not used");
        return null;
    }

    private Amount quantity(Quantity quantity, String where, ResourceOrigin origin) {
        try {
            String unit = Quantities.ucumUnit(quantity);
            if (unit == null || unit.isBlank()) {
                accumulator.report(IssueKind.MISSING_UNIT, origin, where + ": the amount has no unit; it is not used");
                return null;
            }
            return new Amount(quantity.getValue().doubleValue(), unit);
        } catch (UnitConversionException e) {
            accumulator.report(e, origin, where + ": the amount is not used");
            return null;
        }
    }

    private static CodeableConcept medication(MedicationAdministration administration) {
        if (administration.hasMedicationCodeableConcept()) {
            return administration.getMedicationCodeableConcept();
        }
        if (!administration.hasMedicationReference()) {
            return null;
        }
        Reference reference = administration.getMedicationReference();
        if (reference.getResource() instanceof Medication contained) {
            return contained.getCode(); // linked by the parser
        }
        String target = reference.getReference();
        if (target != null && target.startsWith("#")) {
            for (Resource contained : administration.getContained()) {
                String id = contained.getIdElement().getIdPart();
                if (contained instanceof Medication medication && id != null
                        && target.substring(1).equals(id.startsWith("#") ? id.substring(1) : id)) {
                    return medication.getCode();
                }
            }
        }
        return null;
    }
}
