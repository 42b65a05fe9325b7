package dev.vigil.ingestion.synth.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.vigil.ingestion.synth.cohort.SyntheticPatient;
import dev.vigil.ingestion.synth.cohort.VasopressorAgent;
import dev.vigil.ingestion.synth.sepsis.ChartPrecision;
import dev.vigil.ingestion.synth.sepsis.ChartedValue;
import dev.vigil.ingestion.synth.sepsis.Decision;
import dev.vigil.ingestion.synth.sepsis.Episode;
import dev.vigil.ingestion.synth.sepsis.SepsisFeature;
import dev.vigil.ingestion.synth.sepsis.SepsisSimulator;
import dev.vigil.ingestion.synth.sepsis.SepsisState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes one synthetic patient as FHIR R4 JSON resources, one per line, with Jackson's streaming generator in
 * exactly the shape HAPI's R4 JSON encoder produces (same element order, same decimals), so that
 * {@code encode(parse(line))} gives the line back; a test holds it to that. The constant parts (field names,
 * codings, the patient's references) are pre-encoded once: Observations are almost all of the output.
 *
 * <p>What is written: Patient (gender, birthDate, deceasedDateTime for a death within 90 days of onset, an
 * identifier with the patient's {@code sepsis-<seed>-<n>} name); one Encounter (class IMP, period = the
 * stay); one Condition (SNOMED 91302008 Sepsis, onsetDateTime); an Observation per value of each bloc's chart (the
 * episode's chart of the bloc of death holds only what precedes the death); a MedicationAdministration per bloc with fluid (sodium chloride, dose in mL over the
 * bloc) and per bloc with a vasopressor (rate over the bloc). A death inside a bloc cuts its administrations'
 * periods at the death.
 *
 * <p>Ids are name-based UUIDs of {@code <key>}, {@code <key>/Encounter/0}, {@code <key>/Condition/0},
 * {@code <key>/Observation/<j>} and {@code <key>/MedicationAdministration/<j>}, j counting from 0 per patient.
 * Not thread-safe: one writer per thread.
 */
public final class SepsisFhirWriter {

    private static final SerializedString RESOURCE_TYPE = new SerializedString("resourceType");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString SUBJECT = new SerializedString("subject");
    private static final SerializedString ENCOUNTER = new SerializedString("encounter");
    private static final SerializedString EFFECTIVE_DATE_TIME = new SerializedString("effectiveDateTime");
    private static final SerializedString VALUE_QUANTITY = new SerializedString("valueQuantity");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString UNIT = new SerializedString("unit");
    private static final SerializedString SYSTEM = new SerializedString("system");
    private static final SerializedString OBSERVATION = new SerializedString("Observation");
    private static final SerializedString FINAL = new SerializedString("final");
    private static final SerializedString UCUM = new SerializedString(SepsisCodes.UCUM);

    /** Per charted feature (by ordinal): the category array, the code object, the unit text and the UCUM code. */
    private static final SerializedString[] CATEGORY_JSON = new SerializedString[SepsisFeature.COUNT];
    private static final SerializedString[] CODE_JSON = new SerializedString[SepsisFeature.COUNT];
    private static final SerializedString[] UNIT_TEXT = new SerializedString[SepsisFeature.COUNT];
    private static final SerializedString[] UCUM_CODE = new SerializedString[SepsisFeature.COUNT];

    static {
        // Pure computation on constants: no I/O here.
        for (SepsisFeature feature : SepsisFeature.inOrder()) {
            if (feature.ordinal() > SepsisFeature.WEIGHT.ordinal()) {
                continue;
            }
            SepsisCodes.Coding coding = SepsisCodes.of(feature);
            int i = feature.ordinal();
            CATEGORY_JSON[i] = new SerializedString("[{\"coding\":[{\"system\":\"" + SepsisCodes.OBSERVATION_CATEGORY
                    + "\",\"code\":\"" + coding.category() + "\"}]}]");
            CODE_JSON[i] = new SerializedString("{\"coding\":[{\"system\":\"" + SepsisCodes.LOINC + "\",\"code\":\""
                    + coding.loinc() + "\",\"display\":\"" + coding.display() + "\"}]}");
            UNIT_TEXT[i] = new SerializedString(coding.unitText());
            UCUM_CODE[i] = new SerializedString(coding.ucum());
        }
    }

    private final NameBasedIds ids = new NameBasedIds();

    /** The generators the resources go to; each resource is followed by a newline. */
    public static final class Sinks {
        private final Map<ResourceFile, JsonGenerator> generators;
        private final long[] counts = new long[ResourceFile.values().length];

        public Sinks(Map<ResourceFile, JsonGenerator> generators) {
            this.generators = new EnumMap<>(generators);
            for (ResourceFile file : ResourceFile.values()) {
                if (!this.generators.containsKey(file)) {
                    throw new IllegalArgumentException("No generator for " + file.fileName());
                }
            }
        }

        JsonGenerator start(ResourceFile file) {
            counts[file.ordinal()]++;
            return generators.get(file);
        }

        static void end(JsonGenerator generator) throws IOException {
            generator.writeEndObject();
            generator.writeRaw('\n');
        }

        /** Resources written to {@code file} so far. */
        public long count(ResourceFile file) {
            return counts[file.ordinal()];
        }
    }

    public void write(SyntheticPatient patient, Sinks sinks) throws IOException {
        Episode episode = patient.episode();
        String patientId = ids.uuid(patient.key());
        String encounterId = ids.uuid(patient.key() + "/Encounter/0");
        String patientReference = "Patient/" + patientId;
        String encounterReference = "Encounter/" + encounterId;
        SerializedString subject = referenceJson(patientReference);
        SerializedString encounter = referenceJson(encounterReference);
        long windowStart = patient.windowStartEpochMinute();
        int deathMinute = episode.outcome().died() ? episode.outcome().deathMinute() : -1;

        writePatient(sinks, patient, patientId, deathMinute < 0 ? null : FhirTime.dateTime(windowStart + deathMinute));
        writeEncounter(sinks, encounterId, patientReference, FhirTime.dateTime(windowStart),
                FhirTime.dateTime(windowStart + patient.stayEndMinute()));
        writeCondition(sinks, ids.uuid(patient.key() + "/Condition/0"), patientReference, encounterReference,
                FhirTime.dateTime(windowStart + SepsisSimulator.ONSET_MINUTE));

        byte[] observationName = (patient.key() + "/Observation/").getBytes(StandardCharsets.UTF_8);
        byte[] administrationName = (patient.key() + "/MedicationAdministration/").getBytes(StandardCharsets.UTF_8);
        int windowDeath = episode.diedInWindow()
                ? episode.states().get(episode.steps()).deathMinute() : Integer.MAX_VALUE;
        int observation = 0;
        int administration = 0;
        int lastMinute = -1;
        String lastTime = null;
        for (int t = 0; t < episode.steps(); t++) {
            SepsisState state = episode.states().get(t);
            // The episode's chart of the bloc of death already holds only what precedes the death.
            for (ChartedValue value : state.chart().values()) {
                if (value.minute() != lastMinute) {
                    lastMinute = value.minute();
                    lastTime = FhirTime.dateTime(windowStart + lastMinute);
                }
                writeObservation(sinks, ids.uuid(observationName, observation++), subject, encounter, lastTime, value);
            }
            int blocStart = t * SepsisSimulator.BLOC_HOURS * 60;
            int blocEnd = Math.min(blocStart + SepsisSimulator.BLOC_HOURS * 60, windowDeath);
            if (blocEnd <= blocStart) {
                continue;
            }
            String start = FhirTime.dateTime(windowStart + blocStart);
            String end = FhirTime.dateTime(windowStart + blocEnd);
            Decision decision = episode.decisions().get(t);
            if (decision.action().ivFluidMl() > 0) {
                writeFluid(sinks, ids.uuid(administrationName, administration++), patientReference, encounterReference,
                        start, end, decision.action().ivFluidMl());
            }
            if (decision.action().vasopressor() > 0) {
                writeVasopressor(sinks, ids.uuid(administrationName, administration++), patientReference,
                        encounterReference, start, end, patient.agents().get(t), decision.action().vasopressor());
            }
        }
    }

    private static SerializedString referenceJson(String reference) {
        return new SerializedString("{\"reference\":\"" + reference + "\"}");
    }

    private static void writePatient(Sinks sinks, SyntheticPatient patient, String id, String deceased)
            throws IOException {
        JsonGenerator json = sinks.start(ResourceFile.PATIENT);
        json.writeStartObject();
        json.writeStringField("resourceType", "Patient");
        json.writeStringField("id", id);
        json.writeArrayFieldStart("identifier");
        json.writeStartObject();
        json.writeStringField("system", SepsisCodes.PATIENT_IDENTIFIER);
        json.writeStringField("value", patient.key());
        json.writeEndObject();
        json.writeEndArray();
        json.writeStringField("gender", patient.episode().patient().male() ? "male" : "female");
        json.writeStringField("birthDate", FhirTime.date(patient.birthDate()));
        if (deceased != null) {
            json.writeStringField("deceasedDateTime", deceased);
        }
        Sinks.end(json);
    }

    private static void writeEncounter(Sinks sinks, String id, String patientReference, String start, String end)
            throws IOException {
        JsonGenerator json = sinks.start(ResourceFile.ENCOUNTER);
        json.writeStartObject();
        json.writeStringField("resourceType", "Encounter");
        json.writeStringField("id", id);
        json.writeStringField("status", "finished");
        json.writeObjectFieldStart("class");
        json.writeStringField("system", SepsisCodes.ACT_CODE);
        json.writeStringField("code", "IMP");
        json.writeStringField("display", "inpatient encounter");
        json.writeEndObject();
        reference(json, "subject", patientReference);
        json.writeObjectFieldStart("period");
        json.writeStringField("start", start);
        json.writeStringField("end", end);
        json.writeEndObject();
        Sinks.end(json);
    }

    private static void writeCondition(Sinks sinks, String id, String patientReference, String encounterReference,
            String onset) throws IOException {
        JsonGenerator json = sinks.start(ResourceFile.CONDITION);
        json.writeStartObject();
        json.writeStringField("resourceType", "Condition");
        json.writeStringField("id", id);
        codeableConcept(json, "clinicalStatus", SepsisCodes.CONDITION_CLINICAL, "active", null);
        codeableConcept(json, "verificationStatus", SepsisCodes.CONDITION_VERIFICATION, "confirmed", null);
        json.writeArrayFieldStart("category");
        codeableConceptValue(json, SepsisCodes.CONDITION_CATEGORY, "encounter-diagnosis", null);
        json.writeEndArray();
        codeableConcept(json, "code", SepsisCodes.SNOMED, SepsisCodes.SEPSIS_SNOMED, "Sepsis");
        reference(json, "subject", patientReference);
        reference(json, "encounter", encounterReference);
        json.writeStringField("onsetDateTime", onset);
        json.writeStringField("recordedDate", onset);
        Sinks.end(json);
    }

    private static void writeObservation(Sinks sinks, String id, SerializableString subject,
            SerializableString encounter, String effective, ChartedValue value) throws IOException {
        int feature = value.feature().ordinal();
        JsonGenerator json = sinks.start(ResourceFile.OBSERVATION);
        json.writeStartObject();
        json.writeFieldName(RESOURCE_TYPE);
        json.writeString(OBSERVATION);
        json.writeFieldName(ID);
        json.writeString(id);
        json.writeFieldName(STATUS);
        json.writeString(FINAL);
        json.writeFieldName(CATEGORY);
        json.writeRawValue(CATEGORY_JSON[feature]);
        json.writeFieldName(CODE);
        json.writeRawValue(CODE_JSON[feature]);
        json.writeFieldName(SUBJECT);
        json.writeRawValue(subject);
        json.writeFieldName(ENCOUNTER);
        json.writeRawValue(encounter);
        json.writeFieldName(EFFECTIVE_DATE_TIME);
        json.writeString(effective);
        json.writeFieldName(VALUE_QUANTITY);
        json.writeStartObject();
        json.writeFieldName(VALUE);
        json.writeNumber(Decimals.format(value.value(), ChartPrecision.decimals(value.feature())));
        json.writeFieldName(UNIT);
        json.writeString(UNIT_TEXT[feature]);
        json.writeFieldName(SYSTEM);
        json.writeString(UCUM);
        json.writeFieldName(CODE);
        json.writeString(UCUM_CODE[feature]);
        json.writeEndObject();
        Sinks.end(json);
    }

    private static void writeFluid(Sinks sinks, String id, String patientReference, String encounterReference,
            String start, String end, double volumeMl) throws IOException {
        JsonGenerator json = startAdministration(sinks, id, SepsisCodes.SODIUM_CHLORIDE_RXNORM, "sodium chloride",
                patientReference, encounterReference, start, end);
        quantity(json, "dose", Decimals.format(volumeMl, 0), "mL", "mL");
        json.writeEndObject();
        Sinks.end(json);
    }

    private static void writeVasopressor(Sinks sinks, String id, String patientReference, String encounterReference,
            String start, String end, VasopressorAgent agent, double norepinephrineEquivalent) throws IOException {
        JsonGenerator json = startAdministration(sinks, id, agent.rxNorm(), agent.display(), patientReference,
                encounterReference, start, end);
        quantity(json, "rateQuantity", Decimals.format(agent.rateFor(norepinephrineEquivalent), agent.decimals()),
                agent.unit(), agent.unit());
        json.writeEndObject();
        Sinks.end(json);
    }

    /** Writes up to the open {@code dosage} object, after its route. */
    private static JsonGenerator startAdministration(Sinks sinks, String id, String rxNorm, String display,
            String patientReference, String encounterReference, String start, String end) throws IOException {
        JsonGenerator json = sinks.start(ResourceFile.MEDICATION_ADMINISTRATION);
        json.writeStartObject();
        json.writeStringField("resourceType", "MedicationAdministration");
        json.writeStringField("id", id);
        json.writeStringField("status", "completed");
        codeableConcept(json, "medicationCodeableConcept", SepsisCodes.RXNORM, rxNorm, display);
        reference(json, "subject", patientReference);
        reference(json, "context", encounterReference);
        json.writeObjectFieldStart("effectivePeriod");
        json.writeStringField("start", start);
        json.writeStringField("end", end);
        json.writeEndObject();
        json.writeObjectFieldStart("dosage");
        codeableConcept(json, "route", SepsisCodes.SNOMED, SepsisCodes.INTRAVENOUS_ROUTE_SNOMED, "Intravenous route");
        return json;
    }

    private static void reference(JsonGenerator json, String field, String reference) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("reference", reference);
        json.writeEndObject();
    }

    private static void codeableConcept(JsonGenerator json, String field, String system, String code, String display)
            throws IOException {
        json.writeFieldName(field);
        codeableConceptValue(json, system, code, display);
    }

    private static void codeableConceptValue(JsonGenerator json, String system, String code, String display)
            throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("coding");
        json.writeStartObject();
        json.writeStringField("system", system);
        json.writeStringField("code", code);
        if (display != null) {
            json.writeStringField("display", display);
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void quantity(JsonGenerator json, String field, String value, String unitText, String ucum)
            throws IOException {
        json.writeObjectFieldStart(field);
        json.writeFieldName("value");
        json.writeNumber(value);
        json.writeStringField("unit", unitText);
        json.writeStringField("system", SepsisCodes.UCUM);
        json.writeStringField("code", ucum);
        json.writeEndObject();
    }
}
