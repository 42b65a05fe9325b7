package dev.vigil.worldmodel.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.ImagingLink;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IssueRecorder;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated cohort through the real ingestion pipeline with the shipped hcc-tace cohort specification. */
class HccCohortIngestionTest {

    @Test
    void twentyPatientsIngestWithoutIssuesAndMatchTheGroundTruth(@TempDir Path dir) throws IOException {
        new HccCohortGenerator(new HccCohortConfig(20, 2026, 16, 0.2)).generate(dir);
        CohortSpec spec = CohortSpecs.shipped("hcc-tace");
        IssueRecorder issues = new IssueRecorder();
        TrajectoryDataset dataset = new IngestionPipeline(UnitConverter.load()).run(
                new BulkNdjsonSource(dir.resolve("fhir")), spec, issues, "hcc");

        assertThat(issues.issues()).isEmpty();
        assertThat(dataset.episodes()).hasSize(20);
        Map<String, Episode> episodes = dataset.episodes().stream()
                .collect(Collectors.toMap(Episode::id, Function.identity()));
        List<String> actions = dataset.schema().actions().stream().map(Variable::name).toList();
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        int deaths = 0;
        for (JsonNode patient : truth.get("patients")) {
            Episode episode = episodes.get(patient.get("patientId").asText());
            assertThat(episode).as(patient.get("key").asText()).isNotNull();
            // Survival: days from the TACE to death or last follow-up, and whether death was observed.
            JsonNode survival = patient.get("survival");
            assertThat(episode.outcome().event()).isEqualTo(survival.get("event").asBoolean());
            assertThat(episode.outcome().days()).isCloseTo(survival.get("observedDays").asDouble(), within(1e-9));
            deaths += episode.outcome().event() ? 1 : 0;
            // Actions: the given protocol's components, and only those, in the bloc of the TACE (bloc 1).
            TaceProtocol given = TaceProtocol.parse(patient.get("givenProtocol").asText());
            ContinuousActions bloc = (ContinuousActions) episode.actions();
            for (TaceComponent component : TaceComponent.values()) {
                int column = actions.indexOf(component.actionColumn());
                assertThat(column).as(component.actionColumn()).isNotNegative();
                assertThat(bloc.value(1, column)).as(component.actionColumn())
                        .isEqualTo(given.contains(component) ? 1.0 : 0.0);
                assertThat(bloc.value(0, column)).isZero();
            }
            // Image links: the pre-treatment files always, the follow-up files when the patient was followed.
            List<String> urls = episode.imaging().stream().map(ImagingLink::url).toList();
            assertThat(urls).contains("images/" + patient.get("key").asText() + "/pre_ct.nii.gz",
                    "images/" + patient.get("key").asText() + "/pre_mask.nii.gz");
            assertThat(urls).hasSize(patient.get("images").get("postImagesLinkedInFhir").asBoolean() ? 4 : 2);
        }
        assertThat(deaths).isEqualTo(truth.get("summary").get("deaths").asInt());
    }
}
