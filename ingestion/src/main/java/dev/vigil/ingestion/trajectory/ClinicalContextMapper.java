package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.AnchorResource;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.report.IssueKind;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;

/** Patient (demographics, death), Encounter (stays) and Condition (anchor, inclusion). */
final class ClinicalContextMapper {

    private static final String REFUTED = "refuted";
    private static final String ENTERED_IN_ERROR = "entered-in-error";

    private final CohortAccumulator accumulator;

    ClinicalContextMapper(CohortAccumulator accumulator) {
        this.accumulator = accumulator;
    }

    void map(Patient patient, ResourceOrigin origin) {
        String id = References.ownId(patient);
        if (id == null) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, "A Patient without an id cannot be matched to the "
                    + "resources that refer to it; it is not used");
            return;
        }
        long deceasedAt = FhirTimes.NONE;
        boolean deceased = false;
        if (patient.hasDeceasedDateTimeType()) {
            deceasedAt = FhirTimes.millis(patient.getDeceasedDateTimeType());
            deceased = true;
            if (deceasedAt == FhirTimes.NONE) {
                accumulator.report(IssueKind.MISSING_VALUE, origin, "Patient/" + id + ": deceasedDateTime is coarser "
                        + "than a day; the time of death is unknown");
            }
        } else if (patient.hasDeceasedBooleanType()) {
            deceased = patient.getDeceasedBooleanType().booleanValue();
        }
        long birth = FhirTimes.epochDay(patient.getBirthDateElement());
        PatientFacts facts = accumulator.patient(id);
        facts.setPatient(birth, gender(patient.getGender()), deceasedAt, deceased);
        facts.seen(deceasedAt);
    }

    void map(Encounter encounter, ResourceOrigin origin) {
        PatientFacts patient = accumulator.subject(encounter.getSubject(), encounter, origin);
        if (patient == null) {
            return;
        }
        Period period = encounter.getPeriod();
        long start = FhirTimes.millis(period.getStartElement());
        long end = FhirTimes.millis(period.getEndElement());
        if (start != FhirTimes.NONE && end != FhirTimes.NONE && end < start) {
            accumulator.report(IssueKind.OUT_OF_ORDER_TIME, origin, CohortAccumulator.label(encounter)
                    + ": period.end is before period.start; the encounter is not used");
            return;
        }
        patient.seen(start);
        patient.seen(end);
        Coding encounterClass = encounter.getClass_();
        if (!accumulator.index().isStayClass(encounterClass)) {
            return;
        }
        if (start == FhirTimes.NONE) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, CohortAccumulator.label(encounter)
                    + ": a stay needs period.start (at least a date); the encounter is not used");
            return;
        }
        patient.addStay(start, end == FhirTimes.NONE ? Long.MAX_VALUE : end);
    }

    void map(Condition condition, ResourceOrigin origin) {
        SpecIndex index = accumulator.index();
        boolean anchor = index.isAnchor(AnchorResource.CONDITION, condition.getCode());
        boolean inclusion = index.isInclusion(condition.getCode());
        if (!anchor && !inclusion) {
            return; // other conditions are none of the cohort's business, and not worth a report each
        }
        if (isVoid(condition)) {
            return;
        }
        PatientFacts patient = accumulator.subject(condition.getSubject(), condition, origin);
        if (patient == null) {
            return;
        }
        if (inclusion) {
            patient.markIncluded();
        }
        long time = onset(condition);
        patient.seen(time);
        if (anchor) {
            if (time == FhirTimes.NONE) {
                accumulator.report(IssueKind.MISSING_VALUE, origin, CohortAccumulator.label(condition)
                        + ": an anchor Condition needs onsetDateTime, onsetPeriod.start or recordedDate (at least a "
                        + "date); it does not anchor the patient");
                return;
            }
            patient.addAnchor(time, patient.addRef(SourceType.CONDITION, CohortAccumulator.idOf(condition, origin)));
        }
    }

    /** onsetDateTime, else onsetPeriod.start, else recordedDate. */
    private static long onset(Condition condition) {
        if (condition.hasOnsetDateTimeType()) {
            long time = FhirTimes.millis(condition.getOnsetDateTimeType());
            if (time != FhirTimes.NONE) {
                return time;
            }
        }
        if (condition.hasOnsetPeriod()) {
            long time = FhirTimes.millis(condition.getOnsetPeriod().getStartElement());
            if (time != FhirTimes.NONE) {
                return time;
            }
        }
        BaseDateTimeType recorded = condition.getRecordedDateElement();
        return FhirTimes.millis(recorded);
    }

    /** A refuted or erroneous diagnosis neither anchors nor includes. */
    private static boolean isVoid(Condition condition) {
        for (Coding coding : condition.getVerificationStatus().getCoding()) {
            if (REFUTED.equals(coding.getCode()) || ENTERED_IN_ERROR.equals(coding.getCode())) {
                return true;
            }
        }
        return false;
    }

    private static byte gender(AdministrativeGender gender) {
        if (gender == AdministrativeGender.MALE) {
            return PatientFacts.MALE;
        }
        return gender == AdministrativeGender.FEMALE ? PatientFacts.FEMALE : PatientFacts.UNKNOWN_GENDER;
    }
}
