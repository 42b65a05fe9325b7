package dev.vigil.worldmodel.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Nifti;
import dev.vigil.worldmodel.volume.Volume;
import dev.vigil.worldmodel.volume.VolumeGeometry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases and training cases from a 12-patient synthetic cohort ingested with the real pipeline. */
class HccCasesTest {

    @TempDir
    static Path dir;
    static SyntheticCohort cohort;
    static Map<String, JsonNode> truth = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        cohort = SyntheticCohort.generate(dir, 12, 2027, 16);
        for (JsonNode p : new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile()).get("patients")) {
            truth.put(p.get("patientId").asText(), p);
        }
    }

    @Test
    void everyPatientBecomesACaseWithItsImagesAndCovariates() throws IOException {
        List<HccCase> cases = HccCases.fromDataset(cohort.data(), dir);

        assertThat(cases).hasSize(12);
        for (HccCase c : cases) {
            JsonNode p = truth.get(c.patientId());
            assertThat(p).as(c.patientId()).isNotNull();
            Volume pre = Nifti.read(dir.resolve(p.get("images").get("preCt").asText()));
            assertThat(c.preCt().voxels()).containsExactly(pre.voxels());
            assertThat(c.preMask().count()).isEqualTo(p.get("images").get("preMaskVoxels").asInt());
            JsonNode cov = p.get("covariates");
            TaceCovariates x = c.covariates();
            assertThat(x.bilirubin()).isCloseTo(cov.get("bilirubin").asDouble(), within(1e-6));
            assertThat(x.afp()).isCloseTo(cov.get("afp").asDouble(), within(1e-6));
            assertThat(x.childPughScore()).isEqualTo(cov.get("child_pugh_score").asInt());
            assertThat(x.childPughClass().name()).isEqualTo(cov.get("child_pugh_class").asText());
            assertThat(x.bclcStage().label()).isEqualTo(cov.get("bclc_stage").asText());
            // Not in the FHIR the cohort writes: missing, never guessed.
            assertThat(x.ecog()).isNull();
            assertThat(x.portalVeinThrombus()).isNull();
        }
    }

    @Test
    void trainingCasesAreThePatientsWithFollowUpImagesLinked() {
        List<TrainingCase> cases = HccCases.trainingCases(cohort.data(), dir);

        long linked = truth.values().stream()
                .filter(p -> p.get("images").get("postImagesLinkedInFhir").asBoolean()).count();
        assertThat(cases).hasSize((int) linked).isNotEmpty();
        for (TrainingCase c : cases) {
            JsonNode p = truth.get(c.pre().patientId());
            assertThat(c.given()).isEqualTo(TaceProtocol.parse(p.get("givenProtocol").asText()));
            assertThat(c.postMask().count()).isEqualTo(p.get("images").get("postMaskVoxels").asInt());
            assertThat(c.survivalDays()).isCloseTo(p.get("survival").get("observedDays").asDouble(), within(1e-9));
            assertThat(c.death()).isEqualTo(p.get("survival").get("event").asBoolean());
        }
    }

    @Test
    void unknownPatientIdIsNamedWithKnownIds() {
        String known = cohort.data().episodes().get(0).id();
        assertThatThrownBy(() -> HccCases.find(cohort.data(), dir, "no-such-patient"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no-such-patient'")
                .hasMessageContaining(known);
    }

    @Test
    void missingImageFileIsNamed(@TempDir Path elsewhere) {
        String id = cohort.data().episodes().get(0).id();
        // The same links resolved against a folder without the images.
        assertThatThrownBy(() -> HccCases.find(cohort.data(), elsewhere, id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(elsewhere.resolve("images").toString())
                .hasMessageContaining("pre_ct.nii.gz")
                .hasMessageContaining("does not exist");
    }

    @Test
    void emptyMaskAndShapeMismatchAreRefused() {
        VolumeGeometry g16 = VolumeGeometry.axisAligned(16, 16, 16, 1, 1, 1);
        VolumeGeometry g8 = VolumeGeometry.axisAligned(8, 8, 8, 1, 1, 1);
        Volume ct = Volume.zeros(g16);
        assertThatThrownBy(() -> new HccCase("p1", ct, Mask.empty(g16), null))
                .hasMessageContaining("patient p1").hasMessageContaining("mask is empty");
        Mask small = Mask.empty(g8);
        small.set(0, true);
        assertThatThrownBy(() -> new HccCase("p2", ct, small, null))
                .hasMessageContaining("patient p2 pre-treatment mask has shape 8x8x8")
                .hasMessageContaining("16x16x16");
    }

    @Test
    void anUnreadableImageNamesTheFile(@TempDir Path copy) throws IOException {
        // A cohort folder whose first patient's pre-treatment CT is not a NIfTI file.
        String id = cohort.data().episodes().get(0).id();
        String key = truth.get(id).get("key").asText();
        Path images = copy.resolve("images").resolve(key);
        Files.createDirectories(images);
        Files.writeString(images.resolve("pre_ct.nii.gz"), "not a nifti file");
        Files.copy(dir.resolve("images").resolve(key).resolve("pre_mask.nii.gz"), images.resolve("pre_mask.nii.gz"));
        assertThatThrownBy(() -> HccCases.find(cohort.data(), copy, id))
                .hasMessageContaining(images.resolve("pre_ct.nii.gz").toString());
    }
}
