package dev.vigil.ingestion.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dev.vigil.common.Sha256;
import dev.vigil.ingestion.synth.sepsis.PolicyValue;
import dev.vigil.ingestion.synth.sepsis.SepsisPolicies;
import dev.vigil.ingestion.synth.sepsis.TrueValueEvaluator;
import dev.vigil.ingestion.synth.truth.GroundTruth;
import dev.vigil.ingestion.synth.truth.GroundTruthBloc;
import dev.vigil.ingestion.synth.truth.GroundTruthPatient;
import dev.vigil.ingestion.synth.truth.GroundTruthReader;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SepsisCohortGeneratorTest {

    private static final int PATIENTS = 20;
    private static final long SEED = 42;
    private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();

    /** Written once, only read afterwards. */
    @TempDir
    static Path shared;
    private static Path cohort;
    private static SepsisCohortSummary summary;

    @BeforeAll
    static void generateOnce() throws IOException {
        cohort = shared.resolve("cohort");
        summary = new SepsisCohortGenerator(2).generate(SepsisCohortConfig.of(PATIENTS, SEED), cohort);
    }

    @Test
    void theSameSeedGivesTheSameBytesWhateverTheThreadCount(@TempDir Path temp) throws IOException {
        new SepsisCohortGenerator(1).generate(SepsisCohortConfig.of(PATIENTS, SEED), temp.resolve("again"));

        assertThat(hashes(temp.resolve("again"))).isEqualTo(hashes(cohort));
    }

    @Test
    void aDifferentSeedGivesDifferentBytes(@TempDir Path temp) throws IOException {
        new SepsisCohortGenerator(2).generate(SepsisCohortConfig.of(PATIENTS, SEED + 1), temp.resolve("other"));

        Map<String, String> other = hashes(temp.resolve("other"));
        hashes(cohort).forEach((file, hash) -> assertThat(other.get(file)).as(file).isNotEqualTo(hash));
    }

    @Test
    void patientKIsTheSameInALargerCohort(@TempDir Path temp) throws IOException {
        new SepsisCohortGenerator(2).generate(SepsisCohortConfig.of(PATIENTS + 7, SEED), temp.resolve("larger"));

        List<String> larger = Files.readAllLines(temp.resolve("larger").resolve("Patient.ndjson"));
        assertThat(larger.subList(0, PATIENTS)).isEqualTo(Files.readAllLines(cohort.resolve("Patient.ndjson")));
        List<String> truth = Files.readAllLines(temp.resolve("larger").resolve("ground-truth.ndjson"));
        assertThat(truth.subList(1, PATIENTS + 1))
                .isEqualTo(Files.readAllLines(cohort.resolve("ground-truth.ndjson")).subList(1, PATIENTS + 1));
    }

    @Test
    void writesOneFilePerResourceTypeBesideTheGroundTruth() throws IOException {
        try (Stream<Path> files = Files.list(cohort)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("Patient.ndjson",
                    "Encounter.ndjson", "Condition.ndjson", "Observation.ndjson", "MedicationAdministration.ndjson",
                    "ground-truth.ndjson");
        }
        assertThat(summary.files()).hasSize(6);
        assertThat(summary.bytes()).isEqualTo(totalSize(cohort));
    }

    @Test
    void everyLineParsesWithHapiAndReencodesToTheSameText() throws IOException {
        for (String type : List.of("Patient", "Encounter", "Condition", "Observation", "MedicationAdministration")) {
            List<String> lines = Files.readAllLines(cohort.resolve(type + ".ndjson"));
            assertThat((long) lines.size()).as(type).isEqualTo(summary.resources().get(type));
            for (String line : lines) {
                Resource resource = (Resource) PARSER.parseResource(line);
                assertThat(resource.fhirType()).isEqualTo(type);
                assertThat(PARSER.encodeResourceToString(resource)).isEqualTo(line);
            }
        }
        assertThat(summary.resources()).containsEntry("Patient", (long) PATIENTS)
                .containsEntry("Encounter", (long) PATIENTS).containsEntry("Condition", (long) PATIENTS);
    }

    @Test
    void everyObservationIsCodedAndUnitedAsInTheCodesDocument() throws IOException {
        Map<String, String> units = CodesDocument.loincUnits();
        Map<String, Integer> perCode = new TreeMap<>();
        for (Observation observation : parse("Observation", Observation.class)) {
            String loinc = observation.getCode().getCodingFirstRep().getCode();
            Quantity value = observation.getValueQuantity();
            assertThat(observation.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
            assertThat(units).containsKey(loinc);
            assertThat(value.getSystem()).isEqualTo("http://unitsofmeasure.org");
            assertThat(value.getCode()).as(loinc).isEqualTo(units.get(loinc));
            assertThat(observation.getEffectiveDateTimeType().getValueAsString()).endsWith("Z");
            assertThat(observation.getSubject().getReference()).startsWith("Patient/");
            perCode.merge(loinc, 1, Integer::sum);
        }
        assertThat(perCode).hasSize(17); // every charted feature occurs
        assertThat(perCode.get("29463-7")).isEqualTo(PATIENTS); // weight once per patient
    }

    @Test
    void resourceCountsFollowTheGroundTruth() throws IOException {
        GroundTruth truth = new GroundTruthReader().read(cohort);
        long fluids = 0;
        long vasopressors = 0;
        for (GroundTruthPatient patient : truth.patients()) {
            for (GroundTruthBloc bloc : patient.blocs()) {
                fluids += bloc.ivFluidMl() > 0 ? 1 : 0;
                vasopressors += bloc.vasopressor() > 0 ? 1 : 0;
            }
        }
        // administrations of a bloc whose patient died in its first minute are not charted
        assertThat(summary.resources().get("MedicationAdministration")).isBetween(fluids + vasopressors - PATIENTS,
                fluids + vasopressors);
        long vitals = summary.resources().get("Observation");
        assertThat(vitals).isGreaterThan(PATIENTS * 100L);
    }

    @Test
    void vasopressorRatesConvertToTheSimulatedNorepinephrineEquivalent() throws IOException {
        Map<String, GroundTruthPatient> byId = new HashMap<>();
        for (GroundTruthPatient patient : new GroundTruthReader().read(cohort).patients()) {
            byId.put("Patient/" + patient.patientId(), patient);
        }
        Map<String, Double> factors = Map.of("7512", 1.0, "3992", 1.0, "11149", 2.5);
        int checked = 0;
        for (MedicationAdministration administration : parse("MedicationAdministration",
                MedicationAdministration.class)) {
            GroundTruthPatient patient = byId.get(administration.getSubject().getReference());
            String start = administration.getEffectivePeriod().getStartElement().getValueAsString();
            GroundTruthBloc bloc = patient.blocs().stream().filter(candidate -> candidate.start().equals(start))
                    .findFirst().orElseThrow();
            String rxNorm = administration.getMedicationCodeableConcept().getCodingFirstRep().getCode();
            MedicationAdministration.MedicationAdministrationDosageComponent dosage = administration.getDosage();
            if (rxNorm.equals("9863")) {
                assertThat(dosage.getDose().getCode()).isEqualTo("mL");
                assertThat(dosage.getDose().getValue().doubleValue()).isEqualTo(bloc.ivFluidMl());
            } else {
                Quantity rate = dosage.getRateQuantity();
                assertThat(rate.getCode()).isEqualTo(rxNorm.equals("11149") ? "U/min" : "ug/kg/min");
                assertThat(rate.getValue().doubleValue() * factors.get(rxNorm))
                        .isCloseTo(bloc.vasopressor(), within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void patientEncounterAndConditionAgreeWithTheGroundTruth() throws IOException {
        GroundTruth truth = new GroundTruthReader().read(cohort);
        List<Patient> patients = parse("Patient", Patient.class);
        List<Encounter> encounters = parse("Encounter", Encounter.class);
        List<Condition> conditions = parse("Condition", Condition.class);
        for (int k = 0; k < PATIENTS; k++) {
            GroundTruthPatient expected = truth.patients().get(k);
            Patient patient = patients.get(k);
            assertThat(patient.getIdPart()).isEqualTo(expected.patientId());
            assertThat(patient.hasDeceasedDateTimeType()).isEqualTo(expected.died90Days());
            assertThat(patient.getGender().toCode()).isEqualTo(expected.parameters().male() ? "male" : "female");
            LocalDate onsetDate = LocalDate.parse(expected.onset().substring(0, 10));
            assertThat(Period.between(LocalDate.parse(patient.getBirthDateElement().getValueAsString()), onsetDate)
                    .getYears()).isEqualTo(expected.parameters().ageYears());
            Encounter encounter = encounters.get(k);
            assertThat(encounter.getClass_().getCode()).isEqualTo("IMP");
            assertThat(encounter.getPeriod().getStartElement().getValueAsString()).isEqualTo(expected.windowStart());
            Condition condition = conditions.get(k);
            assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("91302008");
            assertThat(condition.getOnsetDateTimeType().getValueAsString()).isEqualTo(expected.onset());
            assertThat(encounter.getPeriod().getEnd()).isAfter(condition.getOnsetDateTimeType().getValue());
        }
    }

    @Test
    void groundTruthIsTheEvaluatorsClinicianOnTheSameSeed() throws IOException {
        GroundTruth truth = new GroundTruthReader().read(cohort);
        PolicyValue value = new TrueValueEvaluator().estimatePolicyValue(SepsisPolicies.clinician(0.10), PATIENTS, 18,
                SEED);

        double meanReturn = truth.patients().stream().mapToDouble(GroundTruthPatient::totalReturn).sum() / PATIENTS;
        long deaths = truth.patients().stream().filter(GroundTruthPatient::died90Days).count();
        assertThat(meanReturn).isCloseTo(value.meanReturn(), within(1e-9));
        assertThat((double) deaths / PATIENTS).isEqualTo(value.mortality());
        assertThat(summary.deathsWithin90Days()).isEqualTo((int) deaths);
        assertThat(truth.header().config().seed()).isEqualTo(SEED);
        assertThat(truth.header().features()).hasSize(22);
    }

    @Test
    void unsafeRateInTheGroundTruthIsWithinBinomialTolerance() throws IOException {
        GroundTruth truth = new GroundTruthReader().read(cohort);
        long decisions = 0;
        long unsafe = 0;
        for (GroundTruthPatient patient : truth.patients()) {
            for (GroundTruthBloc bloc : patient.blocs()) {
                decisions++;
                unsafe += bloc.unsafeChoice().isUnsafe() ? 1 : 0;
            }
        }
        double rate = truth.header().config().unsafeRate();
        double tolerance = 4 * Math.sqrt(rate * (1 - rate) / decisions);

        assertThat((double) unsafe / decisions).isBetween(rate - tolerance, rate + tolerance);
        assertThat(summary.unsafeDecisions()).isEqualTo(unsafe);
    }

    @Test
    void refusesADirectoryThatAlreadyHoldsACohort() {
        assertThatThrownBy(() -> new SepsisCohortGenerator(1).generate(SepsisCohortConfig.of(2, 1), cohort))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("choose a new or empty --out directory");
    }

    @Test
    void configRejectsValuesWithAFix() {
        assertThatThrownBy(() -> SepsisCohortConfig.of(0, 1)).hasMessageContaining("--patients must be 1..");
        assertThatThrownBy(() -> new SepsisCohortConfig(5, 1, 1.5, 2024)).hasMessageContaining("0.1 = 10 %");
        assertThatThrownBy(() -> new SepsisCohortGenerator(0)).hasMessageContaining("never changes the output");
    }

    private static <T extends Resource> List<T> parse(String type, Class<T> kind) throws IOException {
        return Files.readAllLines(cohort.resolve(type + ".ndjson")).stream()
                .map(line -> kind.cast(PARSER.parseResource(line))).toList();
    }

    private static Map<String, String> hashes(Path directory) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                hashes.put(file.getFileName().toString(), Sha256.hex(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    private static long totalSize(Path directory) throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
        }
        return total;
    }
}
