package dev.vigil.worldmodel.synth;

import ca.uhn.fhir.parser.IParser;
import dev.vigil.ingestion.fhir.FhirParsers;
import dev.vigil.ingestion.synth.fhir.NameBasedIds;
import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.TaceComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Renders one simulated patient as FHIR R4 JSON lines with the codes of the hcc-tace cohort
 * (ingestion's {@code hcc-tace.yaml}), encoded by HAPI. What is written (docs/methods/synthetic-hcc.md,
 * section 6): Patient (identifier = key, gender, birthDate, deceasedDateTime when the death was observed);
 * Condition SNOMED 109841003; at the labs time Observations of AFP, albumin, bilirubin, INR, platelets,
 * Child-Pugh class (valueString) and score (valueInteger) and BCLC stage; the TACE Procedure (SNOMED 441525007)
 * with one {@code usedCode} per component; a DocumentReference per NIfTI file (the follow-up images only when
 * the patient was alive and followed at the follow-up CT); for a censored patient an ambulatory Encounter at
 * the last follow-up. Ids are name-based UUIDs of {@code <key>}, {@code <key>/<Type>/<j>}. Not thread-safe.
 */
final class HccFhirWriter {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String STAGING = "http://vigil.dev/fhir/CodeSystem/liver-staging";
    static final String PATIENT_IDENTIFIER = "urn:vigil:synthetic-hcc";
    static final String NIFTI = "application/x-nifti";

    private final NameBasedIds ids = new NameBasedIds();
    private final IParser json = FhirParsers.json();

    /** The lines of each resource file for one patient. */
    Map<HccResourceFile, List<String>> write(SimulatedPatient simulated) {
        Map<HccResourceFile, List<String>> lines = new EnumMap<>(HccResourceFile.class);
        for (HccResourceFile file : HccResourceFile.values()) {
            lines.put(file, new ArrayList<>());
        }
        HccPatient p = simulated.patient();
        Timeline timeline = p.timeline();
        String patientId = ids.uuid(p.key());
        Reference subject = new Reference("Patient/" + patientId);
        Instant death = simulated.died() ? timeline.tace().plus(minutes(simulated.observedDays())) : null;

        Patient patient = new Patient();
        patient.setId(patientId);
        patient.addIdentifier(new Identifier().setSystem(PATIENT_IDENTIFIER).setValue(p.key()));
        patient.setGender(p.male() ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(birthDate(p).toString()));
        if (death != null) {
            patient.setDeceased(new DateTimeType(death.toString()));
        }
        add(lines, HccResourceFile.PATIENT, patient);

        Condition condition = new Condition();
        condition.setId(ids.uuid(p.key() + "/Condition/0"));
        condition.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
        condition.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "confirmed", null));
        condition.setCode(concept(SNOMED, "109841003", "Liver cell carcinoma"));
        condition.setSubject(subject);
        condition.setOnset(new DateTimeType(timeline.diagnosis().toString()));
        condition.setRecordedDateElement(new DateTimeType(timeline.diagnosis().toString()));
        add(lines, HccResourceFile.CONDITION, condition);

        TaceCovariates c = p.covariates();
        String labs = timeline.labs().toString();
        int observation = 0;
        observation = lab(lines, p, observation, subject, labs, "1834-1",
                "Alpha-1-Fetoprotein [Mass/volume] in Serum or Plasma", c.afp(), "ng/mL");
        observation = lab(lines, p, observation, subject, labs, "1751-7",
                "Albumin [Mass/volume] in Serum or Plasma", c.albumin(), "g/dL");
        observation = lab(lines, p, observation, subject, labs, "1975-2",
                "Bilirubin.total [Mass/volume] in Serum or Plasma", c.bilirubin(), "mg/dL");
        observation = lab(lines, p, observation, subject, labs, "6301-6",
                "INR in Platelet poor plasma by Coagulation assay", c.inr(), "{INR}");
        observation = lab(lines, p, observation, subject, labs, "777-3",
                "Platelets [#/volume] in Blood by Automated count", c.platelets(), "10*3/uL");
        observation = staging(lines, p, observation, subject, labs, "child-pugh-class", "Child-Pugh class",
                new StringType(c.childPughClass().name()));
        observation = staging(lines, p, observation, subject, labs, "child-pugh-class", null,
                new IntegerType(c.childPughScore()));
        staging(lines, p, observation, subject, labs, "bclc-stage", "BCLC stage", new StringType(c.bclcStage().label()));

        Procedure procedure = new Procedure();
        procedure.setId(ids.uuid(p.key() + "/Procedure/0"));
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setCode(concept(SNOMED, "441525007", "Percutaneous transluminal chemoembolisation of artery"));
        procedure.setSubject(subject);
        procedure.setPerformed(new DateTimeType(timeline.tace().toString()));
        for (TaceComponent component : simulated.givenProtocol().components()) {
            procedure.addUsedCode(concept(TaceComponent.CODE_SYSTEM, component.code(), component.displayName()));
        }
        add(lines, HccResourceFile.PROCEDURE, procedure);

        boolean followedAtPostCt = timeline.daysFromTace(timeline.postCt()) < simulated.observedDays();
        int document = 0;
        for (ImageFile image : ImageFile.values()) {
            if (!image.beforeTreatment() && !followedAtPostCt) {
                continue;
            }
            Instant taken = image.beforeTreatment() ? timeline.preCt() : timeline.postCt();
            DocumentReference reference = new DocumentReference();
            reference.setId(ids.uuid(p.key() + "/DocumentReference/" + document++));
            reference.setStatus(DocumentReferenceStatus.CURRENT);
            reference.setType(new CodeableConcept().setText(image.description()));
            reference.setSubject(subject);
            reference.setDateElement(new InstantType(taken.toString()));
            reference.setDescription(image.description());
            reference.addContent().getAttachment().setContentType(NIFTI).setUrl(image.relativePath(p.key()))
                    .setTitle(image.fileName());
            add(lines, HccResourceFile.DOCUMENT_REFERENCE, reference);
        }

        if (!simulated.died()) {
            Instant lastSeen = timeline.tace().plus(minutes(simulated.observedDays()));
            Encounter encounter = new Encounter();
            encounter.setId(ids.uuid(p.key() + "/Encounter/0"));
            encounter.setStatus(Encounter.EncounterStatus.FINISHED);
            encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
            encounter.setType(List.of(new CodeableConcept().setText("Last follow-up visit")));
            encounter.setSubject(subject);
            encounter.setPeriod(new Period().setStartElement(new DateTimeType(lastSeen.toString()))
                    .setEndElement(new DateTimeType(lastSeen.toString())));
            add(lines, HccResourceFile.ENCOUNTER, encounter);
        }
        return lines;
    }

    /** Birth date such that the age at the TACE date is {@code ageYears} (by 365.25-day years). */
    static LocalDate birthDate(HccPatient p) {
        long days = Math.round(p.ageYears() * 365.25);
        return LocalDate.ofInstant(p.timeline().tace(), ZoneOffset.UTC).minusDays(days);
    }

    private static Duration minutes(double days) {
        return Duration.ofMinutes(Math.round(days * 1440));
    }

    private int lab(Map<HccResourceFile, List<String>> lines, HccPatient p, int j, Reference subject, String time,
            String loinc, String display, double value, String ucum) {
        Quantity quantity = new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(ucum).setSystem(UCUM)
                .setCode(ucum);
        return observation(lines, p, j, subject, time, concept(LOINC, loinc, display), "laboratory", quantity);
    }

    private int staging(Map<HccResourceFile, List<String>> lines, HccPatient p, int j, Reference subject, String time,
            String code, String display, Type value) {
        return observation(lines, p, j, subject, time, concept(STAGING, code, display), "exam", value);
    }

    private int observation(Map<HccResourceFile, List<String>> lines, HccPatient p, int j, Reference subject,
            String time, CodeableConcept code, String category, Type value) {
        Observation observation = new Observation();
        observation.setId(ids.uuid(p.key() + "/Observation/" + j));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", category, null));
        observation.setCode(code);
        observation.setSubject(subject);
        observation.setEffective(new DateTimeType(time));
        observation.setValue(value);
        add(lines, HccResourceFile.OBSERVATION, observation);
        return j + 1;
    }

    private void add(Map<HccResourceFile, List<String>> lines, HccResourceFile file, Resource resource) {
        lines.get(file).add(json.encodeResourceToString(resource));
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }
}
