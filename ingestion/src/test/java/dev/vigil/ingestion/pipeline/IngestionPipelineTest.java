package dev.vigil.ingestion.pipeline;

import static dev.vigil.ingestion.pipeline.Fhir.dose;
import static dev.vigil.ingestion.pipeline.Fhir.observation;
import static dev.vigil.ingestion.pipeline.Fhir.observationWithUnitText;
import static dev.vigil.ingestion.pipeline.Fhir.patient;
import static dev.vigil.ingestion.pipeline.Fhir.rate;
import static dev.vigil.ingestion.pipeline.Fhir.sepsis;
import static dev.vigil.ingestion.pipeline.Fhir.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetCodec;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueRecorder;
import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConverter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three patients of the ICU sepsis cohort, hand-built, with every expected bloc value worked out by hand.
 *
 * <p>Onset (anchor) T0 = 2024-03-10T12:00Z; the window starts at 2024-03-09T12:00Z; bloc b spans
 * [09T12:00 + 4b h, + 4 h): b0 09T12-16, b1 16-20, b2 20-24, b3 10T00-04, b4 04-08, b5 08-12, b6 10T12-16, ...
 */
class IngestionPipelineTest {

    private static final double NAN = Double.NaN;
    private static final String HR = "8867-4";
    private static UnitConverter units;
    private static CohortSpec spec;

    @BeforeAll
    static void load() {
        units = UnitConverter.load();
        spec = CohortSpecs.shipped("icu-sepsis");
    }

    /** pat-a survives; pat-b dies 14 h after onset; pat-c has no sepsis; plus bad resources around them. */
    static List<Resource> cohort() {
        List<Resource> resources = new ArrayList<>();
        // pat-a: male, 63 at onset, in hospital 09T06:00 to 20T00:00.
        resources.add(patient("pat-a", AdministrativeGender.MALE, "1960-05-20", null));
        resources.add(stay("enc-a", "pat-a", "IMP", "2024-03-09T06:00:00Z", "2024-03-20T00:00:00Z"));
        resources.add(sepsis("cond-a", "pat-a", "91302008", "2024-03-10T12:00:00Z"));
        resources.add(observation("wt-a", "pat-a", "29463-7", "2024-03-09T06:00:00Z", 70, "kg"));
        resources.add(observation("hr-1", "pat-a", HR, "2024-03-09T12:00:00Z", 80, "/min"));
        resources.add(observation("hr-2", "pat-a", HR, "2024-03-09T13:00:00Z", 90, "/min"));
        resources.add(observation("hr-3", "pat-a", HR, "2024-03-09T14:00:00Z", 100, "/min"));
        resources.add(observation("hr-4", "pat-a", HR, "2024-03-09T15:00:00Z", 110, "/min"));
        resources.add(observation("hr-5", "pat-a", HR, "2024-03-10T00:30:00Z", 70, "/min"));
        resources.add(observation("hr-6", "pat-a", HR, "2024-03-10T01:30:00Z", 72, "/min"));
        resources.add(observation("temp-a", "pat-a", "8310-5", "2024-03-09T13:00:00Z", 98.6, "[degF]"));
        resources.add(observation("spo2-1", "pat-a", "59408-5", "2024-03-09T12:30:00Z", 0.95, "1"));
        resources.add(observation("spo2-2", "pat-a", "2708-6", "2024-03-09T14:30:00Z", 97, "%"));
        resources.add(observation("crea-a", "pat-a", "2160-0", "2024-03-09T14:00:00Z", 100, "umol/L"));
        resources.add(observation("uo-1", "pat-a", "9187-6", "2024-03-09T13:00:00Z", 100, "mL"));
        resources.add(observation("uo-2", "pat-a", "9187-6", "2024-03-09T15:00:00Z", 50, "mL"));
        resources.add(observation("uo-3", "pat-a", "9187-6", "2024-03-09T17:00:00Z", 0.2, "L"));
        resources.add(observation("pao2-a", "pat-a", "2703-7", "2024-03-09T13:00:00Z", 80, "mm[Hg]"));
        resources.add(observation("fio2-a", "pat-a", "3150-0", "2024-03-09T13:00:00Z", 40, "%"));
        resources.add(observation("gcs-a", "pat-a", "9269-2", "2024-03-09T12:00:00Z", 15, "{score}"));
        resources.add(dose("fluid-a", "pat-a", "9863", "2024-03-09T14:00:00Z", "2024-03-09T18:00:00Z", 1, "L"));
        resources.add(rate("ne-a", "pat-a", "7512", "2024-03-10T00:00:00Z", "2024-03-10T06:00:00Z", 0.1,
                "ug/kg/min"));
        resources.add(rate("epi-a", "pat-a", "3992", "2024-03-10T05:00:00Z", "2024-03-10T07:00:00Z", 14, "ug/min"));
        resources.add(rate("vaso-a", "pat-a", "11149", "2024-03-10T09:00:00Z", "2024-03-10T10:00:00Z", 0.03,
                "U/min"));
        // pat-b: female, 73 at onset (birthday the next day), dies at 11T02:00, 14 h after onset.
        resources.add(patient("pat-b", AdministrativeGender.FEMALE, "1950-03-11", "2024-03-11T02:00:00Z"));
        resources.add(stay("enc-b", "pat-b", "ACUTE", "2024-03-10T10:00:00Z", null));
        resources.add(sepsis("cond-b", "pat-b", "76571007", "2024-03-10T12:00:00Z"));
        resources.add(observation("hr-b1", "pat-b", HR, "2024-03-10T13:00:00Z", 120, "/min"));
        resources.add(observation("hr-b2", "pat-b", HR, "2024-03-10T14:00:00Z", 130, "/min"));
        resources.add(observation("hr-b3", "pat-b", HR, "2024-03-11T03:00:00Z", 50, "/min")); // after death
        resources.add(rate("ne-b", "pat-b", "7512", "2024-03-10T13:00:00Z", "2024-03-11T08:00:00Z", 0.2,
                "ug/kg/min"));
        // pat-c: no sepsis onset.
        resources.add(patient("pat-c", AdministrativeGender.MALE, "1970-01-01", null));
        resources.add(observation("hr-c", "pat-c", HR, "2024-03-10T13:00:00Z", 75, "/min"));
        // Bad input, each next to good data it must not disturb.
        resources.add(observationWithUnitText("bad-unit", "pat-a", HR, "2024-03-09T13:45:00Z", 85, "beats/minute"));
        resources.add(observation("bad-implausible", "pat-a", HR, "2024-03-09T13:30:00Z", 400, "/min"));
        resources.add(observation("bad-no-subject", null, HR, "2024-03-09T13:30:00Z", 88, "/min"));
        resources.add(observation("bad-ghost", "ghost", HR, "2024-03-09T13:30:00Z", 88, "/min"));
        resources.add(dose("bad-backwards", "pat-a", "9863", "2024-03-10T02:00:00Z", "2024-03-10T01:00:00Z", 500,
                "mL"));
        resources.add(observation("bad-unmapped", "pat-a", "0000-0", "2024-03-09T13:30:00Z", 1, "1"));
        resources.add(observation("bad-lactate", "pat-a", "2524-7", "2024-03-09T13:30:00Z", 9, "mg/dL"));
        return resources;
    }

    private static TrajectoryDataset run(List<Resource> resources, int threads, IssueRecorder listener)
            throws IOException {
        return new IngestionPipeline(units).run(new InMemoryFhirSource(resources, threads), spec, listener,
                "sepsis-test");
    }

    @Test
    void buildsOneEpisodePerQualifyingPatientWithTheCohortsSchema() throws IOException {
        TrajectoryDataset dataset = run(cohort(), 1, new IssueRecorder());
        assertThat(dataset.episodes()).extracting(Episode::id).containsExactly("pat-a", "pat-b");
        assertThat(dataset.schema().cohortSpecId()).isEqualTo("icu-sepsis");
        assertThat(dataset.schema().blocLength()).isEqualTo(Duration.ofHours(4));
        assertThat(dataset.schema().features()).hasSize(22).startsWith(new Variable("heart_rate", "/min"))
                .endsWith(new Variable("age", "a"), new Variable("gender", "1"));
        assertThat(dataset.schema().actions()).containsExactly(new Variable("iv_fluid", "mL"),
                new Variable("vasopressor", "ug/kg/min"));
        assertThat(dataset.episodes().get(0).steps()).isEqualTo(18);
    }

    @Test
    void aggregatesHoldsAndFlagsPatientA() throws IOException {
        Episode a = run(cohort(), 1, new IssueRecorder()).episodes().get(0);
        // Heart rate: b0 mean(80, 90, 100, 110) = 95 (400 and the unit-less 85 dropped); b1 holds 110 from 15:00
        // (5 h old at 20:00 <= 8 h); b2 expired (9 h); b3 mean(70, 72) = 71; b4 holds 72 (6.5 h); b5 expired.
        assertColumn(a, "heart_rate", new double[] {95, 110, NAN, 71, 72, NAN, NAN},
                new boolean[] {false, true, true, false, true, true, true});
        // 98.6 [degF] = 37 Cel, held 12 h: b1 (7 h) and b2 (11 h), expired at b3 (15 h).
        assertColumn(a, "temperature", new double[] {37, 37, 37, NAN}, new boolean[] {false, true, true, true});
        // 0.95 (unit 1) = 95 %, mean with 97 % = 96; then 97 held 5.5 h, expired at 9.5 h.
        assertColumn(a, "spo2", new double[] {96, 97, NAN}, new boolean[] {false, true, true});
        // 100 umol/L creatinine x 113.12 g/mol = 1.1312 mg/dL, held 28 h: to b6 (26 h), expired b7 (30 h).
        assertColumn(a, "creatinine", new double[] {1.1312, 1.1312, 1.1312, 1.1312, 1.1312, 1.1312, 1.1312, NAN},
                new boolean[] {false, true, true, true, true, true, true, true});
        // Urine: b0 100 + 50, b1 0.2 L = 200 mL, no hold; cumulative 150, 350, 350 ...
        assertColumn(a, "urine_output", new double[] {150, 200, NAN, NAN}, new boolean[] {false, false, true, true});
        assertColumn(a, "urine_output_cum", new double[] {150, 350, 350, 350},
                new boolean[] {false, false, true, true});
        // PaO2 80 / (FiO2 40 % / 100) = 200, held with both until FiO2 expires (12 h) at b3.
        assertColumn(a, "pf_ratio", new double[] {200, 200, 200, NAN}, new boolean[] {false, true, true, true});
        assertColumn(a, "gcs", new double[] {15, 15, 15, NAN}, new boolean[] {false, true, true, true});
        // Weight from admission (before the window), held for the whole stay, never measured in a bloc.
        for (int b = 0; b < 18; b++) {
            assertThat(value(a, "weight", b)).isEqualTo(70);
            assertThat(missing(a, "weight", b)).isTrue();
            assertThat(value(a, "age", b)).isEqualTo(63);
            assertThat(value(a, "gender", b)).isEqualTo(1);
            assertThat(missing(a, "age", b)).isFalse();
        }
        assertThat(value(a, "lactate", 0)).isNaN(); // 9 mg/dL lactate has no molar mass: unconvertible
        assertThat(a.terminal(17)).isTrue();
        assertThat(a.terminal(16)).isFalse();
        // Survived: days to the last follow-up, the end of the stay on 20T00:00 = 9.5 days after onset.
        assertThat(a.outcome().event()).isFalse();
        assertThat(a.outcome().days()).isEqualTo(9.5);
    }

    @Test
    void splitsFluidsAndConvertsVasopressorsToNorepinephrineEquivalents() throws IOException {
        Episode a = run(cohort(), 1, new IssueRecorder()).episodes().get(0);
        // 1 L over 14:00-18:00: 2 h in b0 and 2 h in b1, 500 mL each; the backwards dose in b3 is not used.
        assertAction(a, "iv_fluid", new double[] {500, 500, 0, 0, 0, 0});
        // Fluid given before each bloc (a state never contains its own bloc's action): 0, 500, 1000, 1000.
        assertColumn(a, "fluid_input_cum", new double[] {0, 500, 1000, 1000},
                new boolean[] {false, false, false, false});
        // NE 0.1 ug/kg/min over 10T00-06 (b3, b4); epinephrine 14 ug/min / 70 kg = 0.2 ug/kg/min x 1 over
        // 05-07 (b4: max 0.2); vasopressin 0.03 U/min x 2.5 = 0.075 over 09-10 (b5).
        assertAction(a, "vasopressor", new double[] {0, 0, 0, 0.1, 0.2, 0.075, 0});
    }

    @Test
    void endsPatientBAtDeathAndRecordsTheOutcome() throws IOException {
        Episode b = run(cohort(), 1, new IssueRecorder()).episodes().get(1);
        // Death at 11T02:00 is 38 h after the window start: blocs b0..b9, the last one containing the death.
        assertThat(b.steps()).isEqualTo(10);
        // b6 mean(120, 130) = 125; b7 holds 130 (6 h); b8 expired (10 h); b9 NaN: the 50 at 11T03:00 is after death.
        assertColumn(b, "heart_rate", new double[] {NAN, NAN, NAN, NAN, NAN, NAN, 125, 130, NAN, NAN},
                new boolean[] {true, true, true, true, true, true, false, true, true, true});
        assertAction(b, "vasopressor", new double[] {0, 0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2});
        assertThat(b.outcome().event()).isTrue();
        assertThat(b.outcome().days()).isCloseTo(14.0 / 24, within(1e-12));
        assertThat(value(b, "age", 0)).isEqualTo(73);
        assertThat(value(b, "gender", 0)).isEqualTo(0);
        assertThat(value(b, "weight", 0)).isNaN();
    }

    @Test
    void keepsTheBlocThatStartsAtTheMomentOfDeath() throws IOException {
        List<Resource> resources = new ArrayList<>(cohort());
        resources.removeIf(r -> r.getIdElement().getIdPart().equals("pat-b"));
        // Death at 11T00:00, the first instant of b9; the measurement taken at that moment counts.
        resources.add(patient("pat-b", AdministrativeGender.FEMALE, "1950-03-11", "2024-03-11T00:00:00Z"));
        resources.add(observation("hr-b4", "pat-b", HR, "2024-03-11T00:00:00Z", 140, "/min"));
        Episode b = run(resources, 1, new IssueRecorder()).episodes().get(1);
        assertThat(b.steps()).isEqualTo(10);
        assertThat(value(b, "heart_rate", 9)).isEqualTo(140);
        assertThat(b.outcome().days()).isCloseTo(0.5, within(1e-12));
        // The infusion stops counting at death: b9 sees it only at that instant, still at its rate.
        assertAction(b, "vasopressor", new double[] {0, 0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2});
    }

    @Test
    void recordsWhichResourcesEachStepCameFrom() throws IOException {
        Episode a = run(cohort(), 1, new IssueRecorder()).episodes().get(0);
        assertThat(a.provenance().anchor()).isEqualTo(Fhir.at("2024-03-10T12:00:00Z"));
        assertThat(a.provenance().start()).isEqualTo(Fhir.at("2024-03-09T12:00:00Z"));
        // b1: its own urine output and fluid; held heart rate (hr-4), temperature, SpO2 (spo2-2), weight...
        assertThat(a.provenance().resourcesOf(1)).contains("Observation/uo-3", "MedicationAdministration/fluid-a",
                "Observation/hr-4", "Observation/temp-a", "Observation/spo2-2", "Observation/wt-a")
                .doesNotContain("Observation/hr-1", "Observation/spo2-1");
        // b4: the epinephrine was converted with the weight, so both are listed.
        assertThat(a.provenance().resourcesOf(4)).contains("MedicationAdministration/epi-a",
                "MedicationAdministration/ne-a", "Observation/wt-a", "Observation/hr-6");
        assertThat(a.provenance().resources()).doesNotContainAnyElementsOf(List.of("Observation/bad-implausible",
                "Observation/bad-unit", "MedicationAdministration/bad-backwards"));
    }

    @Test
    void reportsEachBadInputWithItsKindAndResourceId() throws IOException {
        IssueRecorder listener = new IssueRecorder();
        run(cohort(), 1, listener);
        assertIssue(listener, IssueKind.UNKNOWN_UNIT, "bad-unit", "'beats/minute' is not a UCUM unit");
        assertIssue(listener, IssueKind.IMPLAUSIBLE_VALUE, "bad-implausible", "outside the plausible range [0.0, 300.0]");
        assertIssue(listener, IssueKind.MISSING_SUBJECT, "bad-no-subject", "has no subject");
        assertIssue(listener, IssueKind.UNKNOWN_PATIENT, "bad-ghost", "Patient/ghost is referred to by 1 resource(s)");
        assertIssue(listener, IssueKind.OUT_OF_ORDER_TIME, "bad-backwards", "effectivePeriod.end is before");
        assertIssue(listener, IssueKind.UNMAPPED_CODE, "bad-unmapped", "http://loinc.org|0000-0 is not mapped");
        assertIssue(listener, IssueKind.UNCONVERTIBLE_UNIT, "bad-lactate", "molarMass");
        List<IngestionIssue> excluded = listener.of(IssueKind.PATIENT_EXCLUDED);
        assertThat(excluded).singleElement().satisfies(issue -> {
            assertThat(issue.origin().resourceId()).isEqualTo("pat-c");
            assertThat(issue.message()).contains("no condition with an anchor code");
        });
        assertThat(listener.issues()).hasSize(8);
        // Messages carry resource ids, never values.
        assertThat(listener.issues()).extracting(IngestionIssue::message).noneMatch(m -> m.contains("400")
                || m.contains("85") || m.contains("beats/minute 8"));
    }

    @Test
    void reportsAnAdministrationPerMinuteWithoutAWeight() throws IOException {
        List<Resource> resources = cohort();
        resources.add(rate("epi-b", "pat-b", "3992", "2024-03-10T13:00:00Z", "2024-03-10T14:00:00Z", 50, "ug/min"));
        IssueRecorder listener = new IssueRecorder();
        Episode b = run(resources, 1, listener).episodes().get(1);
        assertIssue(listener, IssueKind.MISSING_VALUE, "epi-b", "no weight was recorded for Patient/pat-b");
        assertThat(value(b, "age", 6)).isEqualTo(73);
        assertAction(b, "vasopressor", new double[] {0, 0, 0, 0, 0, 0, 0.2});
    }

    @Test
    void givesTheSameDatasetWhateverTheDeliveryOrder() throws IOException {
        String reference = run(cohort(), 1, new IssueRecorder()).contentHash();
        byte[] referenceFile = DatasetCodec.toBytes(run(cohort(), 1, new IssueRecorder()));
        for (long seed : new long[] {1, 2, 3, 4, 5}) {
            List<Resource> shuffled = new ArrayList<>(cohort());
            Collections.shuffle(shuffled, new Random(seed));
            TrajectoryDataset dataset = run(shuffled, 4, new IssueRecorder());
            assertThat(dataset.contentHash()).as("seed " + seed).isEqualTo(reference);
            // The file too: provenance and its order do not depend on delivery.
            assertThat(DatasetCodec.toBytes(dataset)).isEqualTo(referenceFile);
        }
    }

    @Test
    void writesAFileThatReadsBackWithProvenance() throws IOException {
        TrajectoryDataset dataset = run(cohort(), 1, new IssueRecorder());
        TrajectoryDataset back = DatasetCodec.read(new ByteArrayInputStream(DatasetCodec.toBytes(dataset)), "memory");
        assertThat(back.contentHash()).isEqualTo(dataset.contentHash());
        assertThat(back.episodes().get(0).provenance().resourcesOf(1))
                .isEqualTo(dataset.episodes().get(0).provenance().resourcesOf(1));
    }

    @Test
    void failsClearlyWhenNoPatientQualifies() {
        List<Resource> resources = List.of(patient("pat-c", AdministrativeGender.MALE, "1970-01-01", null),
                observation("hr-c", "pat-c", HR, "2024-03-10T13:00:00Z", 75, "/min"));
        IssueRecorder listener = new IssueRecorder();
        assertThatThrownBy(() -> run(resources, 1, listener)).isInstanceOf(NoEpisodeException.class)
                .hasMessageContaining("No patient of memory qualifies for cohort icu-sepsis (1 patients seen)");
        assertThat(listener.of(IssueKind.PATIENT_EXCLUDED)).hasSize(1);
    }

    @Test
    void excludesAPatientWithoutObservationsInTheWindow() throws IOException {
        List<Resource> resources = new ArrayList<>(cohort());
        resources.add(patient("pat-d", AdministrativeGender.FEMALE, "1980-01-01", null));
        resources.add(sepsis("cond-d", "pat-d", "91302008", "2024-03-10T12:00:00Z"));
        Observation early = observation("hr-d", "pat-d", HR, "2024-03-01T12:00:00Z", 75, "/min");
        resources.add(early);
        IssueRecorder listener = new IssueRecorder();
        assertThat(run(resources, 1, listener).episodes()).extracting(Episode::id).containsExactly("pat-a", "pat-b");
        assertThat(listener.of(IssueKind.PATIENT_EXCLUDED)).extracting(i -> i.origin().resourceId())
                .containsExactly("pat-c", "pat-d");
        assertThat(listener.of(IssueKind.PATIENT_EXCLUDED).get(1).message())
                .contains("no observation of a state feature in the window");
    }

    // ---------------------------------------------------------------- helpers

    private static int column(String name) {
        List<Variable> features = new dev.vigil.ingestion.trajectory.EpisodeLayout(spec).schema("x").features();
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static double value(Episode episode, String feature, int bloc) {
        return ((ContinuousStates) episode.states()).value(bloc, column(feature));
    }

    private static boolean missing(Episode episode, String feature, int bloc) {
        return ((ContinuousStates) episode.states()).isMissing(bloc, column(feature));
    }

    private static void assertColumn(Episode episode, String feature, double[] expected, boolean[] missing) {
        for (int b = 0; b < expected.length; b++) {
            String where = feature + " in bloc " + b;
            if (Double.isNaN(expected[b])) {
                assertThat(value(episode, feature, b)).as(where).isNaN();
            } else {
                assertThat(value(episode, feature, b)).as(where).isCloseTo(expected[b], within(1e-9));
            }
            assertThat(missing(episode, feature, b)).as(where + " missing").isEqualTo(missing[b]);
        }
    }

    private static void assertAction(Episode episode, String action, double[] expected) {
        int column = spec.actions().indexOf(spec.action(action).orElseThrow());
        for (int b = 0; b < expected.length; b++) {
            assertThat(((ContinuousActions) episode.actions()).value(b, column)).as(action + " in bloc " + b)
                    .isCloseTo(expected[b], within(1e-12));
        }
    }

    private static void assertIssue(IssueRecorder listener, IssueKind kind, String resourceId, String text) {
        assertThat(listener.of(kind)).as(kind.name()).anySatisfy(issue -> {
            assertThat(issue.origin().resourceId()).isEqualTo(resourceId);
            assertThat(issue.message()).contains(text);
        });
    }
}
