package dev.vigil.ingestion.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Hand-built HAPI R4 resources coded as in docs/cohorts/icu-sepsis-codes.md. */
final class Fhir {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private Fhir() {
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }

    static Patient patient(String id, AdministrativeGender gender, String birthDate, String deceased) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.setGender(gender);
        patient.setBirthDateElement(new DateType(birthDate));
        if (deceased != null) {
            patient.setDeceased(new DateTimeType(deceased));
        }
        return patient;
    }

    static Encounter stay(String id, String patient, String classCode, String start, String end) {
        Encounter encounter = new Encounter();
        encounter.setId(id);
        encounter.setSubject(new Reference("Patient/" + patient));
        encounter.setClass_(new Coding(ACT_CODE, classCode, null));
        Period period = new Period().setStartElement(new DateTimeType(start));
        if (end != null) {
            period.setEndElement(new DateTimeType(end));
        }
        encounter.setPeriod(period);
        return encounter;
    }

    static Condition sepsis(String id, String patient, String snomed, String onset) {
        Condition condition = new Condition();
        condition.setId(id);
        condition.setSubject(new Reference("Patient/" + patient));
        condition.setCode(new CodeableConcept(new Coding(SNOMED, snomed, null)));
        condition.setOnset(new DateTimeType(onset));
        return condition;
    }

    /** A LOINC observation with a UCUM valueQuantity; {@code unit} null leaves the unit out. */
    static Observation observation(String id, String patient, String loinc, String time, double value,
            String unit) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(ObservationStatus.FINAL);
        if (patient != null) {
            observation.setSubject(new Reference("Patient/" + patient));
        }
        observation.setCode(new CodeableConcept(new Coding(LOINC, loinc, null)));
        observation.setEffective(new DateTimeType(time));
        Quantity quantity = new Quantity().setValue(BigDecimal.valueOf(value));
        if (unit != null) {
            quantity.setSystem(UCUM).setCode(unit).setUnit(unit);
        }
        observation.setValue(quantity);
        return observation;
    }

    /** An observation whose unit is only display text, as some exports write it. */
    static Observation observationWithUnitText(String id, String patient, String loinc, String time, double value,
            String unitText) {
        Observation observation = observation(id, patient, loinc, time, value, null);
        observation.getValueQuantity().setUnit(unitText);
        return observation;
    }

    /** An infusion at a rate over a period. */
    static MedicationAdministration rate(String id, String patient, String rxnorm, String start, String end,
            double rate, String unit) {
        MedicationAdministration administration = administration(id, patient, rxnorm, start, end);
        administration.getDosage().setRate(new Quantity().setValue(BigDecimal.valueOf(rate)).setSystem(UCUM)
                .setCode(unit).setUnit(unit));
        return administration;
    }

    /** A dose (volume) given over a period. */
    static MedicationAdministration dose(String id, String patient, String rxnorm, String start, String end,
            double amount, String unit) {
        MedicationAdministration administration = administration(id, patient, rxnorm, start, end);
        administration.getDosage().setDose(new Quantity().setValue(BigDecimal.valueOf(amount)).setSystem(UCUM)
                .setCode(unit).setUnit(unit));
        return administration;
    }

    private static MedicationAdministration administration(String id, String patient, String rxnorm, String start,
            String end) {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setId(id);
        administration.setStatus(MedicationAdministrationStatus.COMPLETED);
        administration.setSubject(new Reference("Patient/" + patient));
        administration.setMedication(new CodeableConcept(new Coding(RXNORM, rxnorm, null)));
        administration.setEffective(new Period().setStartElement(new DateTimeType(start))
                .setEndElement(new DateTimeType(end)));
        return administration;
    }

    static Date date(String time) {
        return Date.from(at(time));
    }
}
