package dev.vigil.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class FhirParsersTest {

    @Test
    void sharesOneContextButGivesEachThreadItsOwnParser() throws Exception {
        IParser mine = FhirParsers.json();
        IParser other = CompletableFuture.supplyAsync(FhirParsers::json).get();

        assertThat(FhirParsers.json()).isSameAs(mine);
        assertThat(other).isNotSameAs(mine);
        assertThat(CompletableFuture.supplyAsync(FhirParsers::context).get()).isSameAs(FhirParsers.context());
    }

    @Test
    void knowsTheR4ResourceTypes() {
        assertThat(FhirParsers.isResourceType("Observation")).isTrue();
        assertThat(FhirParsers.isResourceType("MedicationAdministration")).isTrue();
        assertThat(FhirParsers.isResourceType("observation")).isFalse();
        assertThat(FhirParsers.isResourceType("log")).isFalse();
        assertThat(FhirParsers.isResourceType(null)).isFalse();
    }

    @Test
    void parsesLenientlyAndReportsWhatItCannotParse() {
        Capture capture = new Capture();
        ResourceOrigin origin = new ResourceOrigin("x.ndjson", 4, "Patient", "p1");

        Patient lenient = (Patient) FhirParsers.parseJsonOrReport(
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"unknownThing\":[1,2]}", origin, capture);
        Object rejected = FhirParsers.parseJsonOrReport(
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"active\":\"maybe\"}", origin, capture);

        assertThat(lenient.getIdElement().getIdPart()).isEqualTo("p1");
        assertThat(rejected).isNull();
        assertThat(capture.issues).singleElement().satisfies(issue -> {
            assertThat(issue.origin()).isEqualTo(origin);
            assertThat(issue.message()).contains("active").doesNotContain("maybe");
        });
    }
}
