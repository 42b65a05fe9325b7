package dev.vigil.ingestion.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortSpecsTest {

    private static final String MINIMAL = """
            formatVersion: 1
            id: tiny
            version: "1"
            description: A cohort of one feature and one action.
            anchor:
              resource: condition
              codes: ["http://snomed.info/sct|91302008"]
            window:
              before: PT4H
              after: PT8H
            features:
              - name: heart_rate
                codes: ["http://loinc.org|8867-4"]
                unit: /min
                plausible: [0, 300]
                maxHold: PT8H
                aggregation: mean
            actions:
              - name: iv_fluid
                source: medicationDose
                unit: mL
                aggregation: sum
                ingredients:
                  - name: saline
                    codes: ["http://www.nlm.nih.gov/research/umls/rxnorm|9863"]
            outcome:
              kind: death
              withinDays: 90
            """;

    @Test
    void loadsTheShippedSepsisSpecificationAsDocumented() {
        CohortSpec spec = CohortSpecs.shipped("icu-sepsis");
        assertThat(spec.id()).isEqualTo("icu-sepsis");
        assertThat(spec.blocLength()).isEqualTo(Duration.ofHours(4));
        assertThat(spec.blocCount()).isEqualTo(18);
        assertThat(spec.anchor().codes()).containsExactly(new Code("http://snomed.info/sct", "91302008"),
                new Code("http://snomed.info/sct", "76571007"));
        assertThat(spec.features()).extracting(FeatureSpec::name).containsExactly("heart_rate", "sbp", "dbp", "map",
                "resp_rate", "spo2", "temperature", "gcs", "fio2", "pao2", "lactate", "creatinine", "bilirubin",
                "platelets", "wbc", "urine_output", "weight");
        FeatureSpec spo2 = spec.feature("spo2").orElseThrow();
        assertThat(spo2.codes()).extracting(Code::code).containsExactly("59408-5", "2708-6");
        assertThat(spo2.unit()).isEqualTo("%");
        assertThat(spec.feature("weight").orElseThrow().maxHold()).isEqualTo(MaxHold.UNLIMITED);
        assertThat(spec.feature("urine_output").orElseThrow().maxHold()).isEqualTo(MaxHold.NONE);
        assertThat(spec.feature("creatinine").orElseThrow().molarMass().gramsPerMole()).isEqualTo(113.12);
        assertThat(spec.feature("bilirubin").orElseThrow().molarMass().gramsPerMole()).isEqualTo(584.66);
        assertThat(spec.feature("temperature").orElseThrow().maxHold()).isEqualTo(MaxHold.of(Duration.ofHours(12)));
        assertThat(spec.derived()).extracting(DerivedFeatureSpec::name)
                .containsExactly("urine_output_cum", "fluid_input_cum", "pf_ratio");
        assertThat(spec.staticFeatures()).extracting(StaticFeatureSpec::kind)
                .containsExactly(StaticKind.AGE_AT_ANCHOR, StaticKind.GENDER);
        ActionSpec vasopressor = spec.action("vasopressor").orElseThrow();
        assertThat(vasopressor.weightFeature()).isEqualTo("weight");
        assertThat(vasopressor.ingredients()).extracting(IngredientSpec::factorOrOne)
                .containsExactly(1.0, 1.0, 0.01, 0.1, 2.5);
        assertThat(spec.outcome()).isEqualTo(new OutcomeSpec(OutcomeKind.DEATH, 90, true));
    }

    @Test
    void loadsTheShippedTaceSpecification() {
        CohortSpec spec = CohortSpecs.shipped("hcc-tace");
        assertThat(spec.anchor().resource()).isEqualTo(AnchorResource.PROCEDURE);
        assertThat(spec.inclusion().conditions()).extracting(Code::toString)
                .containsExactly("http://snomed.info/sct|109841003", "http://hl7.org/fhir/sid/icd-10-cm|C22.0");
        assertThat(spec.actions()).hasSize(14).allSatisfy(a -> {
            assertThat(a.source()).isEqualTo(ActionSource.PROCEDURE_COMPONENT);
            assertThat(a.ingredients().get(0).codes().get(0).system())
                    .isEqualTo("http://vigil.dev/fhir/CodeSystem/tace-component");
        });
        assertThat(spec.feature("bclc_stage").orElseThrow().categories()).containsEntry("0", 0.0)
                .containsEntry("D", 4.0);
        assertThat(spec.feature("child_pugh_score").orElseThrow().value()).isEqualTo(ValueType.INTEGER);
        assertThat(spec.outcome().kind()).isEqualTo(OutcomeKind.SURVIVAL);
        assertThat(spec.imaging().matches("file:///data/ct/p1-pre.NII.GZ")).isTrue();
        assertThat(spec.blocCount()).isEqualTo(13);
    }

    @Test
    void namesTheShippedSpecificationsWhenAskedForAnotherOne() {
        assertThat(CohortSpecs.shippedIds()).containsExactly("hcc-tace", "icu-sepsis");
        assertThatThrownBy(() -> CohortSpecs.shipped("sepsis"))
                .hasMessageContaining("'sepsis'").hasMessageContaining("hcc-tace, icu-sepsis");
    }

    @Test
    void loadsAUserFileAndAppliesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, MINIMAL);
        CohortSpec spec = CohortSpecs.load(file);
        assertThat(spec.blocLength()).isEqualTo(CohortSpec.DEFAULT_BLOC_LENGTH);
        assertThat(spec.feature("heart_rate").orElseThrow().value()).isEqualTo(ValueType.QUANTITY);
        assertThat(spec.derived()).isEmpty();
        assertThat(spec.stay()).isNull();
        assertThat(spec.blocCount()).isEqualTo(3);
    }

    @Test
    void rejectsAnUnknownFieldNamingItsLineAndTheAllowedFields() {
        String yaml = MINIMAL.replace("    maxHold: PT8H\n", "    maxHold: PT8H\n    colour: red\n");
        assertThatThrownBy(() -> CohortSpecs.parse(yaml, "tiny.yaml"))
                .isInstanceOfSatisfying(InvalidCohortSpecException.class, e -> {
                    assertThat(e.line()).isEqualTo(17);
                    assertThat(e.getMessage()).startsWith("tiny.yaml line 17, column 5 (features[0].colour): "
                            + "unknown field 'colour'").contains("aggregation, categories, codes");
                });
    }

    @Test
    void rejectsAnUnknownFormatVersionBeforeAnythingElse() {
        String yaml = MINIMAL.replace("formatVersion: 1", "formatVersion: 2\nnewField: x");
        assertThatThrownBy(() -> CohortSpecs.parse(yaml, "new.yaml"))
                .isInstanceOfSatisfying(InvalidCohortSpecException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).isEqualTo("new.yaml line 1: formatVersion 2 is not supported: this "
                            + "Vigil reads formatVersion 1 (see docs/cohort-spec.md)");
                });
        assertThatThrownBy(() -> CohortSpecs.parse(MINIMAL.replace("formatVersion: 1\n", ""), "old.yaml"))
                .hasMessage("old.yaml: formatVersion is missing: add 'formatVersion: 1' at the top");
    }

    @Test
    void rejectsAnUnknownEnumValueListingTheAllowedOnes() {
        String yaml = MINIMAL.replace("aggregation: mean", "aggregation: average");
        assertThatThrownBy(() -> CohortSpecs.parse(yaml, "tiny.yaml"))
                .hasMessageContaining("tiny.yaml line 17")
                .hasMessageContaining("features[0].aggregation")
                .hasMessageContaining("'average' is not one of mean, last, min, max, sum");
    }

    @Test
    void rejectsABadDurationSayingHowToWriteOne() {
        String yaml = MINIMAL.replace("before: PT4H", "before: 4h");
        assertThatThrownBy(() -> CohortSpecs.parse(yaml, "tiny.yaml"))
                .hasMessageContaining("line 9")
                .hasMessageContaining("window.before")
                .hasMessageContaining("'4h' is not an ISO-8601 duration: write e.g. PT4H");
    }

    @Test
    void rejectsInvalidValuesWithTheRecordsMessage() {
        assertThatThrownBy(() -> CohortSpecs.parse(MINIMAL.replace("plausible: [0, 300]", "plausible: [300, 0]"),
                "tiny.yaml")).hasMessageContaining("plausible must be [min, max] with finite min <= max");
        assertThatThrownBy(() -> CohortSpecs.parse(MINIMAL.replace("aggregation: mean", "aggregation: sum"),
                "tiny.yaml")).hasMessageContaining("Feature heart_rate sums its values per bloc")
                .hasMessageContaining("set maxHold: none");
        assertThatThrownBy(() -> CohortSpecs.parse(MINIMAL.replace("after: PT8H", "after: PT6H"), "tiny.yaml"))
                .hasMessageContaining("window.after (PT6H) must be a whole number of blocs of PT4H");
        assertThatThrownBy(() -> CohortSpecs.parse(MINIMAL.replace("http://loinc.org|8867-4", "8867-4"),
                "tiny.yaml")).hasMessageContaining("'8867-4' is not a code: write system|code");
        assertThatThrownBy(() -> CohortSpecs.parse(MINIMAL.replace("version: \"1\"", "version: 1.10"),
                "tiny.yaml")).hasMessageContaining("line 3").hasMessageContaining("version");
    }

    @Test
    void rejectsDuplicateKeys() {
        String yaml = MINIMAL.replace("id: tiny\n", "id: tiny\nid: other\n");
        assertThatThrownBy(() -> CohortSpecs.parse(yaml, "tiny.yaml"))
                .hasMessageContaining("line 3").hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void theExampleInTheFormatDocumentationIsValid() throws Exception {
        // Tests run in the module directory; the documentation lives beside it.
        String doc = Files.readString(Path.of("..", "docs", "cohort-spec.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        CohortSpec spec = CohortSpecs.parse(yaml, "docs/cohort-spec.md");
        assertThat(spec.id()).isEqualTo("tiny-sepsis");
        assertThat(spec.action("vasopressor").orElseThrow().ingredients()).hasSize(2);
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> CohortSpecs.load(dir.resolve("absent.yaml")))
                .isInstanceOf(InvalidCohortSpecException.class)
                .hasMessageEndingWith("absent.yaml: no such cohort specification file");
    }
}
