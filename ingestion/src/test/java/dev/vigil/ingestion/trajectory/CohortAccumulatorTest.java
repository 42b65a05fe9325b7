package dev.vigil.ingestion.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.fhir.SourcedResource;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueRecorder;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConverter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** How single resources become facts (or reports), with the ICU sepsis specification. */
class CohortAccumulatorTest {

    private static final String LOINC = "http://loinc.org";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String TIME = "2024-03-10T12:00:00Z";

    private final CohortSpec spec = CohortSpecs.shipped("icu-sepsis");
    private final IssueRecorder recorder = new IssueRecorder();
    private final CohortAccumulator accumulator = new CohortAccumulator(spec, UnitConverter.load(),
            recorder);

    @Test
    void readsEveryMappedComponentOfAnObservation() {
        Observation panel = observation("bp-1", "85354-9", null);
        panel.addComponent().setCode(code(LOINC, "8480-6")).setValue(quantity(120, "mm[Hg]"));
        panel.addComponent().setCode(code(LOINC, "8462-4")).setValue(quantity(80, "mm[Hg]"));
        panel.addComponent().setCode(code(LOINC, "9999-9")).setValue(quantity(1, "1"));
        PatientFacts patient = only(panel);
        assertThat(patient.observationCount()).isEqualTo(2);
        assertThat(patient.obsValue(0)).isEqualTo(120);
        assertThat(patient.obsFeature(1)).isEqualTo(2); // dbp
        assertThat(patient.obsRef(0)).isEqualTo(patient.obsRef(1)); // one resource, referenced once
        assertThat(recorder.issues()).isEmpty();
    }

    @Test
    void dropsInexactAndAbsentValues() {
        Observation censored = observation("lac-1", "2524-7", quantity(0.5, "mmol/L"));
        censored.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);
        Observation absent = observation("lac-2", "2524-7", null);
        absent.setDataAbsentReason(code("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown"));
        PatientFacts patient = only(censored, absent);
        assertThat(patient.observationCount()).isZero();
        assertThat(recorder.issues()).extracting(IngestionIssue::kind).containsExactly(IssueKind.MISSING_VALUE,
                IssueKind.MISSING_VALUE);
        assertThat(recorder.issues().get(0).message()).contains("comparator");
        assertThat(recorder.issues().get(1).message()).contains("dataAbsentReason");
    }

    @Test
    void rejectsAUnitFromAnotherSystemAndAMissingUnit() {
        Observation otherSystem = observation("hr-1", "8867-4", quantity(80, "bpm"));
        otherSystem.getValueQuantity().setSystem("http://example.org/units");
        Observation noUnit = observation("hr-2", "8867-4", new Quantity().setValue(BigDecimal.valueOf(80)));
        only(otherSystem, noUnit);
        assertThat(recorder.issues()).extracting(IngestionIssue::kind).containsExactly(IssueKind.UNKNOWN_UNIT,
                IssueKind.MISSING_UNIT);
        assertThat(recorder.issues().get(0).message()).contains("http://example.org/units is not UCUM");
    }

    @Test
    void readsRateRatiosAndContainedMedications() {
        MedicationAdministration ratio = administration("ne-1", null);
        ratio.setMedication(code(RXNORM, "7512"));
        ratio.getDosage().setRate(new Ratio().setNumerator(quantity(6, "ug")).setDenominator(quantity(1, "min")));
        MedicationAdministration contained = administration("ne-2", null);
        Medication medication = new Medication();
        medication.setId("med");
        medication.setCode(code(RXNORM, "7512"));
        contained.addContained(medication);
        contained.setMedication(new Reference("#med"));
        contained.getDosage().setRate(quantity(0.05, "ug/kg/min"));
        PatientFacts patient = only(ratio, contained);
        assertThat(patient.actionCount()).isEqualTo(2);
        // 6 ug / 1 min = 6 ug/min: per weight, divided when the trajectory is built.
        assertThat(patient.actValue(0)).isCloseTo(6, within(1e-12));
        assertThat(patient.actFlags(0)).isEqualTo(PatientFacts.PER_WEIGHT);
        assertThat(patient.actValue(1)).isCloseTo(0.05, within(1e-15));
        assertThat(patient.actFlags(1)).isZero();
    }

    @Test
    void reportsAnUnresolvedMedicationReferenceAsUnmapped() {
        MedicationAdministration external = administration("ma-1", null);
        external.setMedication(new Reference("Medication/norepinephrine"));
        external.getDosage().setRate(quantity(0.1, "ug/kg/min"));
        accept(external);
        assertThat(recorder.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.UNMAPPED_CODE);
            assertThat(issue.message()).contains("Medication/norepinephrine is not resolved");
        });
    }

    @Test
    void reportsARateThatCannotBecomeTheActionsUnit() {
        MedicationAdministration wrong = administration("ma-1", null);
        wrong.setMedication(code(RXNORM, "7512"));
        wrong.getDosage().setRate(quantity(5, "mL/h"));
        accept(wrong);
        assertThat(recorder.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.UNCONVERTIBLE_UNIT);
            assertThat(issue.origin().resourceId()).isEqualTo("ma-1");
            assertThat(issue.message()).contains("'mL/h' cannot be converted to 'ug/kg/min'");
        });
    }

    @Test
    void reportsAnEncounterThatEndsBeforeItStarts() {
        Encounter encounter = new Encounter();
        encounter.setId("enc-1");
        encounter.setSubject(new Reference("Patient/p1"));
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null));
        encounter.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-10T12:00:00Z"))
                .setEndElement(new DateTimeType("2024-03-09T12:00:00Z")));
        PatientFacts patient = only(encounter);
        assertThat(patient.stayCount()).isZero();
        assertThat(recorder.issues()).extracting(IngestionIssue::kind).containsExactly(IssueKind.OUT_OF_ORDER_TIME);
    }

    @Test
    void skipsObservationsEnteredInError() {
        Observation wrong = observation("hr-1", "8867-4", quantity(80, "/min"));
        wrong.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        accept(wrong);
        assertThat(accumulator.finish().patients()).isEmpty();
        assertThat(recorder.issues()).isEmpty();
    }

    @Test
    void refusesResourcesAfterFinish() {
        accumulator.finish();
        assertThatThrownBy(() -> accept(observation("hr-1", "8867-4", quantity(80, "/min"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after finish()");
    }

    @Test
    void refusesASpecificationWithANonUcumUnit() {
        String yaml = """
                formatVersion: 1
                id: bad-units
                version: "1"
                description: A feature in mmHg, which UCUM writes mm[Hg].
                anchor: {resource: condition, codes: ["http://snomed.info/sct|91302008"]}
                window: {before: PT4H, after: PT4H}
                features:
                  - {name: sbp, codes: ["http://loinc.org|8480-6"], unit: mmHg, plausible: [0, 300],
                     maxHold: PT8H, aggregation: mean}
                actions:
                  - name: iv_fluid
                    source: medicationDose
                    unit: mL
                    aggregation: sum
                    ingredients: [{name: saline, codes: ["http://www.nlm.nih.gov/research/umls/rxnorm|9863"]}]
                outcome: {kind: death, withinDays: 90}
                """;
        CohortSpec badUnits = CohortSpecs.parse(yaml, "bad.yaml");
        assertThatThrownBy(() -> new CohortAccumulator(badUnits, UnitConverter.load(), IngestionListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Feature sbp in the cohort specification: 'mmHg' is not a UCUM unit");
    }

    // ---------------------------------------------------------------- helpers

    private PatientFacts only(Resource... resources) {
        for (Resource resource : resources) {
            accept(resource);
        }
        List<PatientFacts> patients = accumulator.finish().patients();
        assertThat(patients).hasSize(1);
        return patients.get(0);
    }

    private void accept(Resource resource) {
        accumulator.accept(new SourcedResource(resource, new ResourceOrigin("test", 1, resource.fhirType(),
                resource.getIdElement().getIdPart())));
    }

    private static Observation observation(String id, String loinc, Quantity value) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setSubject(new Reference("Patient/p1"));
        observation.setCode(code(LOINC, loinc));
        observation.setEffective(new DateTimeType(TIME));
        if (value != null) {
            observation.setValue(value);
        }
        return observation;
    }

    private static MedicationAdministration administration(String id, CodeableConcept medication) {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setId(id);
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        administration.setSubject(new Reference("Patient/p1"));
        if (medication != null) {
            administration.setMedication(medication);
        }
        administration.setEffective(new DateTimeType(TIME));
        return administration;
    }

    private static CodeableConcept code(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }

    private static Quantity quantity(double value, String unit) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setSystem(UnitConverter.UCUM_SYSTEM).setCode(unit);
    }
}
