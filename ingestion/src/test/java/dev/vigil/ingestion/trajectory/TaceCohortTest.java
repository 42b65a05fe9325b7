package dev.vigil.ingestion.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.ImagingLink;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.fhir.SourcedResource;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueRecorder;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConverter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

/**
 * The hcc-tace cohort: anchor at the first TACE, components as actions, staging categories, image links and
 * survival. 30-day blocs from 30 days before the first TACE (2023-01-15T10:00Z): b0 from 2022-12-16T10:00,
 * b1 from 2023-01-15T10:00, b2 from 02-14, b3 from 03-16, ...
 */
class TaceCohortTest {

    private static final String COMPONENT = "http://vigil.dev/fhir/CodeSystem/tace-component";
    private static final String STAGING = "http://vigil.dev/fhir/CodeSystem/liver-staging";
    private static final String TACE = "441525007";

    private final CohortSpec spec = CohortSpecs.shipped("hcc-tace");
    private final UnitConverter units = UnitConverter.load();
    private final IssueRecorder recorder = new IssueRecorder();
    private final IngestionListener listener = recorder;

    private List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        // h1: HCC, two TACE sessions, dies 2023-09-01.
        Patient h1 = new Patient();
        h1.setId("h1");
        h1.setGender(AdministrativeGender.MALE);
        h1.setBirthDateElement(new DateType("1955-06-01"));
        h1.setDeceased(new DateTimeType("2023-09-01T00:00:00Z"));
        all.add(h1);
        all.add(condition("hcc-1", "h1", "http://snomed.info/sct", "109841003"));
        all.add(tace("tace-1", "h1", "2023-01-15T10:00:00Z", "epirubicin", "lipiodol", "gelatin-sponge", "foo"));
        all.add(tace("tace-2", "h1", "2023-03-20T09:00:00Z", "oxaliplatin", "lipiodol"));
        all.add(lab("afp-1", "h1", "http://loinc.org", "1834-1", "2023-01-10T08:00:00Z", quantity(400, "ng/mL")));
        all.add(lab("alb-1", "h1", "http://loinc.org", "1751-7", "2023-01-10T08:00:00Z", quantity(35, "g/L")));
        all.add(lab("bili-1", "h1", "http://loinc.org", "1975-2", "2023-01-10T08:00:00Z", quantity(17.1, "umol/L")));
        all.add(lab("cp-1", "h1", STAGING, "child-pugh-class", "2023-01-10T08:00:00Z", new StringType("A")));
        all.add(lab("cps-1", "h1", STAGING, "child-pugh-class", "2023-01-10T08:00:00Z", new IntegerType(6)));
        all.add(lab("bclc-1", "h1", STAGING, "bclc-stage", "2023-01-10T08:00:00Z", new StringType("B")));
        all.add(lab("bclc-bad", "h1", STAGING, "bclc-stage", "2023-01-11T08:00:00Z", new StringType("E")));
        DocumentReference pre = new DocumentReference();
        pre.setId("ct-pre");
        pre.setSubject(new Reference("Patient/h1"));
        pre.setDateElement(new InstantType("2023-01-12T09:00:00Z"));
        pre.addContent().getAttachment().setUrl("file:///data/h1/ct-pre.nii.gz");
        pre.addContent().getAttachment().setUrl("file:///data/h1/report.pdf");
        all.add(pre);
        ImagingStudy post = new ImagingStudy();
        post.setId("ct-post");
        post.setSubject(new Reference("Patient/h1"));
        post.setStartedElement(new DateTimeType("2023-02-15T09:00:00Z"));
        post.addEndpoint(new Reference("Endpoint/ep-1"));
        all.add(post);
        Endpoint endpoint = new Endpoint();
        endpoint.setId("ep-1");
        endpoint.setAddress("https://pacs.example/h1-post.NII");
        all.add(endpoint);
        ImagingStudy lost = new ImagingStudy();
        lost.setId("ct-lost");
        lost.setSubject(new Reference("Patient/h1"));
        lost.addEndpoint(new Reference("Endpoint/ep-missing"));
        all.add(lost);
        // h2: TACE without a liver cancer diagnosis.
        Patient h2 = new Patient();
        h2.setId("h2");
        all.add(h2);
        all.add(tace("tace-h2", "h2", "2023-02-01T10:00:00Z", "cisplatin"));
        all.add(lab("afp-h2", "h2", "http://loinc.org", "1834-1", "2023-02-01T08:00:00Z", quantity(10, "ng/mL")));
        // h3: ICD-10-CM diagnosis, alive, last seen at an AFP 2023-06-01.
        Patient h3 = new Patient();
        h3.setId("h3");
        h3.setGender(AdministrativeGender.FEMALE);
        all.add(h3);
        all.add(condition("hcc-3", "h3", "http://hl7.org/fhir/sid/icd-10-cm", "C22.0"));
        all.add(tace("tace-3", "h3", "2023-01-01T00:00:00Z", "cisplatin", "pva"));
        all.add(lab("afp-3", "h3", "http://loinc.org", "1834-1", "2023-06-01T00:00:00Z", quantity(20, "ng/mL")));
        return all;
    }

    private List<Episode> build() {
        CohortAccumulator accumulator = new CohortAccumulator(spec, units, listener);
        List<Resource> all = resources();
        for (int i = 0; i < all.size(); i++) {
            Resource resource = all.get(i);
            accumulator.accept(new SourcedResource(resource, new ResourceOrigin("tace.ndjson", i + 1,
                    resource.fhirType(), resource.getIdElement().getIdPart())));
        }
        return new TrajectoryBuilder(spec, units, "tace.ndjson").buildAll(accumulator.finish(), listener);
    }

    @Test
    void anchorsAtTheFirstTaceAndEndsAtDeath() {
        List<Episode> episodes = build();
        assertThat(episodes).extracting(Episode::id).containsExactly("h1", "h3");
        Episode h1 = episodes.get(0);
        assertThat(h1.provenance().anchor()).isEqualTo(Instant.parse("2023-01-15T10:00:00Z"));
        assertThat(h1.provenance().start()).isEqualTo(Instant.parse("2022-12-16T10:00:00Z"));
        // Death 228 days 14 hours after the first TACE, 258.58 days after the window start: 9 blocs of 30 days.
        assertThat(h1.steps()).isEqualTo(9);
        assertThat(h1.outcome().event()).isTrue();
        assertThat(h1.outcome().days()).isCloseTo(228 + 14.0 / 24, within(1e-9));
        // h3 is censored at its last resource, the AFP of 2023-06-01: 151 days after its TACE.
        assertThat(episodes.get(1).outcome().event()).isFalse();
        assertThat(episodes.get(1).outcome().days()).isEqualTo(151.0);
    }

    @Test
    void readsLabsAndStagingInCanonicalUnits() {
        Episode h1 = build().get(0);
        assertThat(value(h1, "afp", 0)).isEqualTo(400);
        assertThat(value(h1, "albumin", 0)).isCloseTo(3.5, within(1e-12)); // 35 g/L
        // 17.1 umol/L x 584.66 g/mol = 9997.686 ug/L = 0.9997686 mg/dL
        assertThat(value(h1, "bilirubin", 0)).isCloseTo(0.9997686, within(1e-12));
        assertThat(value(h1, "child_pugh_class", 0)).isEqualTo(1);   // A
        assertThat(value(h1, "child_pugh_score", 0)).isEqualTo(6);   // valueInteger of the same code
        assertThat(value(h1, "bclc_stage", 0)).isEqualTo(2);         // B; the 'E' was rejected
        // Labs hold 60 days: 35 days at the end of b1, 65 at the end of b2. Staging holds 90 days.
        assertThat(value(h1, "afp", 1)).isEqualTo(400);
        assertThat(value(h1, "afp", 2)).isNaN();
        assertThat(value(h1, "bclc_stage", 2)).isEqualTo(2);
        assertThat(value(h1, "bclc_stage", 3)).isNaN();
        assertThat(value(h1, "age", 0)).isEqualTo(67);
        assertThat(recorder.issues()).anySatisfy(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.IMPLAUSIBLE_VALUE);
            assertThat(issue.origin().resourceId()).isEqualTo("bclc-bad");
            assertThat(issue.message()).contains("not one of the categories 0, A, B, C, D");
        });
    }

    @Test
    void recordsTaceComponentsAsActions() {
        Episode h1 = build().get(0);
        assertThat(action(h1, "tace_epirubicin", 1)).isEqualTo(1);
        assertThat(action(h1, "tace_lipiodol", 1)).isEqualTo(1);
        assertThat(action(h1, "tace_gelatin_sponge", 1)).isEqualTo(1);
        assertThat(action(h1, "tace_oxaliplatin", 1)).isZero();
        assertThat(action(h1, "tace_oxaliplatin", 3)).isEqualTo(1); // 03-20 lies in b3 (from 03-16)
        assertThat(action(h1, "tace_lipiodol", 3)).isEqualTo(1);
        assertThat(action(h1, "tace_lipiodol", 2)).isZero();
        assertThat(recorder.issues()).anySatisfy(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.UNMAPPED_CODE);
            assertThat(issue.origin().resourceId()).isEqualTo("tace-1");
            assertThat(issue.message()).contains(COMPONENT + "|foo");
        });
    }

    @Test
    void keepsNiftiLinksPerEpisode() {
        Episode h1 = build().get(0);
        assertThat(h1.imaging()).containsExactly(
                new ImagingLink(Instant.parse("2023-01-12T09:00:00Z"), "file:///data/h1/ct-pre.nii.gz",
                        "DocumentReference/ct-pre"),
                new ImagingLink(Instant.parse("2023-02-15T09:00:00Z"), "https://pacs.example/h1-post.NII",
                        "ImagingStudy/ct-post"));
        assertThat(recorder.issues()).anySatisfy(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.MISSING_VALUE);
            assertThat(issue.origin().resourceId()).isEqualTo("ct-lost");
            assertThat(issue.message()).contains("Endpoint/ep-missing, which is not in the input");
        });
    }

    @Test
    void excludesTacePatientsWithoutLiverCancer() {
        build();
        assertThat(recorder.issues()).anySatisfy(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.PATIENT_EXCLUDED);
            assertThat(issue.origin().resourceId()).isEqualTo("h2");
            assertThat(issue.message()).contains("no Condition with an inclusion code");
        });
    }

    private int column(String name) {
        var features = new EpisodeLayout(spec).schema("x").features();
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private double value(Episode episode, String feature, int bloc) {
        return ((ContinuousStates) episode.states()).value(bloc, column(feature));
    }

    private double action(Episode episode, String action, int bloc) {
        return ((ContinuousActions) episode.actions()).value(bloc,
                spec.actions().indexOf(spec.action(action).orElseThrow()));
    }

    private static Condition condition(String id, String patient, String system, String code) {
        Condition condition = new Condition();
        condition.setId(id);
        condition.setSubject(new Reference("Patient/" + patient));
        condition.setCode(new CodeableConcept(new Coding(system, code, null)));
        condition.setRecordedDateElement(new DateTimeType("2022-12-01"));
        return condition;
    }

    private static Procedure tace(String id, String patient, String time, String... components) {
        Procedure procedure = new Procedure();
        procedure.setId(id);
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setSubject(new Reference("Patient/" + patient));
        procedure.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", TACE, null)));
        procedure.setPerformed(new DateTimeType(time));
        for (String component : components) {
            procedure.addUsedCode(new CodeableConcept(new Coding(COMPONENT, component, null)));
        }
        return procedure;
    }

    private static Observation lab(String id, String patient, String system, String code, String time, Type value) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setSubject(new Reference("Patient/" + patient));
        observation.setCode(new CodeableConcept(new Coding(system, code, null)));
        observation.setEffective(new DateTimeType(time));
        observation.setValue(value);
        return observation;
    }

    private static Quantity quantity(double value, String unit) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setSystem(UnitConverter.UCUM_SYSTEM).setCode(unit);
    }
}
