package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.cohort.ValueType;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConversionException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Observations (and each component) to feature values in canonical units. A value is dropped, with a
 * report, when its unit is missing, unknown or unconvertible, when it lies outside the plausible range
 * (never clipped), or when the value or time is missing. Observations entered in error or cancelled are
 * skipped: they are not measurements.
 */
final class ObservationMapper {

    private final CohortAccumulator accumulator;
    private final CohortSpec spec;

    ObservationMapper(CohortAccumulator accumulator) {
        this.accumulator = accumulator;
        this.spec = accumulator.spec();
    }

    /** A coded part of an observation that the cohort maps: the observation itself or a component. */
    private record Part(int[] features, Type value, boolean absent, CodeableConcept code) {
    }

    void map(Observation observation, ResourceOrigin origin) {
        if (observation.getStatus() == ObservationStatus.ENTEREDINERROR
                || observation.getStatus() == ObservationStatus.CANCELLED) {
            return;
        }
        List<Part> parts = mappedParts(observation);
        String label = CohortAccumulator.label(observation);
        if (parts.isEmpty()) {
            accumulator.report(IssueKind.UNMAPPED_CODE, origin, label + ": code "
                    + SpecIndex.describe(observation.getCode()) + " is not mapped by cohort " + spec.id());
            return;
        }
        PatientFacts patient = accumulator.subject(observation.getSubject(), observation, origin);
        if (patient == null) {
            return;
        }
        Type effective = observation.getEffective();
        long[] interval = FhirTimes.interval(effective);
        if (interval == null) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, label + ": no effective time (effectiveDateTime, "
                    + "effectiveInstant or effectivePeriod.start, at least a date); it is not used");
            return;
        }
        if (effective instanceof Period && interval[1] != FhirTimes.NONE && interval[1] < interval[0]) {
            accumulator.report(IssueKind.OUT_OF_ORDER_TIME, origin, label + ": effectivePeriod.end is before "
                    + "effectivePeriod.start; it is not used");
            return;
        }
        long time = interval[0];
        patient.seen(time);
        int ref = -1;
        for (Part part : parts) {
            int feature = choose(part, label, origin);
            if (feature < 0) {
                continue;
            }
            double value = read(spec.features().get(feature), part.value(), label, origin);
            if (Double.isNaN(value)) {
                continue;
            }
            if (ref < 0) {
                ref = patient.addRef(SourceType.OBSERVATION, CohortAccumulator.idOf(observation, origin));
            }
            patient.addObservation(feature, time, value, ref);
        }
    }

    private List<Part> mappedParts(Observation observation) {
        List<Part> parts = new ArrayList<>(1);
        int[] main = accumulator.index().features(observation.getCode());
        if (main != null) {
            parts.add(new Part(main, observation.getValue(), observation.hasDataAbsentReason(),
                    observation.getCode()));
        }
        for (ObservationComponentComponent component : observation.getComponent()) {
            int[] features = accumulator.index().features(component.getCode());
            if (features != null) {
                parts.add(new Part(features, component.getValue(), component.hasDataAbsentReason(),
                        component.getCode()));
            }
        }
        return parts;
    }

    /** The feature that reads this part's value type, or -1 after reporting why none does. */
    private int choose(Part part, String label, ResourceOrigin origin) {
        Type value = part.value();
        if (value == null || value.isEmpty() || part.absent()) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, label + ": code " + SpecIndex.describe(part.code())
                    + " has no value" + (part.absent() ? " (dataAbsentReason)" : "") + "; it is not used");
            return -1;
        }
        ValueType type = value instanceof Quantity ? ValueType.QUANTITY
                : value instanceof IntegerType ? ValueType.INTEGER
                : value instanceof StringType || value instanceof CodeableConcept ? ValueType.CATEGORY : null;
        int feature = type == null ? -1 : part.features()[type.ordinal()];
        if (feature < 0) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, label + ": code " + SpecIndex.describe(part.code())
                    + " has a value" + value.fhirType() + " value, which no feature of cohort " + spec.id()
                    + " reads for this code; it is not used");
        }
        return feature;
    }

    /** The value in the feature's unit, or NaN after reporting why it cannot be used. */
    private double read(FeatureSpec feature, Type value, String label, ResourceOrigin origin) {
        String where = label + " (" + feature.name() + ")";
        double result;
        if (value instanceof Quantity quantity) {
            if (quantity.getValue() == null) {
                accumulator.report(IssueKind.MISSING_VALUE, origin, where + ": valueQuantity has no value; it is not "
                        + "used");
                return Double.NaN;
            }
            if (quantity.hasComparator()) {
                accumulator.report(IssueKind.MISSING_VALUE, origin, where + ": valueQuantity has a comparator "
                        + "(< <= >= >), so its exact value is unknown; it is not used");
                return Double.NaN;
            }
            try {
                double molarMass = feature.molarMass() == null ? Double.NaN : feature.molarMass().gramsPerMole();
                result = accumulator.units().conversion(Quantities.ucumUnit(quantity), feature.unit(), molarMass)
                        .apply(quantity.getValue().doubleValue());
            } catch (UnitConversionException e) {
                accumulator.report(e, origin, where + ": the value is not used");
                return Double.NaN;
            }
        } else if (value instanceof IntegerType integer) {
            result = integer.getValue();
        } else {
            Double category = category(feature, value);
            if (category == null) {
                accumulator.report(IssueKind.IMPLAUSIBLE_VALUE, origin, where + ": the value is not one of the "
                        + "categories " + String.join(", ", feature.categories().keySet()) + "; it is not used");
                return Double.NaN;
            }
            result = category;
        }
        if (!feature.plausible().contains(result)) {
            accumulator.report(IssueKind.IMPLAUSIBLE_VALUE, origin, where + ": the value lies outside the plausible "
                    + "range [" + feature.plausible().min() + ", " + feature.plausible().max() + "] " + feature.unit()
                    + "; it is dropped (check the unit, or the range in the specification)");
            return Double.NaN;
        }
        return result;
    }

    private static Double category(FeatureSpec feature, Type value) {
        if (value instanceof StringType text) {
            return feature.categories().get(text.getValue());
        }
        CodeableConcept concept = (CodeableConcept) value;
        for (Coding coding : concept.getCoding()) {
            Double number = feature.categories().get(coding.getCode());
            if (number != null) {
                return number;
            }
        }
        return concept.hasText() ? feature.categories().get(concept.getText()) : null;
    }
}
