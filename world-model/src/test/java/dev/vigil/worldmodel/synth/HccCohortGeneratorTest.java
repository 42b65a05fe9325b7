package dev.vigil.worldmodel.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.common.Sha256;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Nifti;
import dev.vigil.worldmodel.volume.Volume;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HccCohortGeneratorTest {

    private static final HccCohortConfig SMALL = new HccCohortConfig(4, 21, 32, 0.5);

    @Test
    void sameSeedGivesTheSameBytesInEveryFileWhateverTheThreads(@TempDir Path dir) throws IOException {
        new HccCohortGenerator(SMALL, 1).generate(dir.resolve("a"));
        new HccCohortGenerator(SMALL, 3).generate(dir.resolve("b"));
        Map<String, String> a = hashes(dir.resolve("a"));
        Map<String, String> b = hashes(dir.resolve("b"));
        assertThat(a).hasSize(6 + 1 + 4 * 4);
        assertThat(b).isEqualTo(a);
        new HccCohortGenerator(new HccCohortConfig(4, 22, 32, 0.5)).generate(dir.resolve("c"));
        assertThat(hashes(dir.resolve("c")).get("ground-truth.json")).isNotEqualTo(a.get("ground-truth.json"));
    }

    @Test
    void writesTheLayoutAndRefusesToOverwrite(@TempDir Path dir) throws IOException {
        HccCohortSummary summary = new HccCohortGenerator(SMALL).generate(dir);
        assertThat(dir.resolve("fhir/Procedure.ndjson")).exists();
        assertThat(dir.resolve("images/hcc-21-3/post_mask.nii.gz")).exists();
        assertThat(summary.patients()).isEqualTo(4);
        assertThat(summary.resources()).containsEntry("Patient", 4L).containsEntry("Procedure", 4L)
                .containsEntry("Observation", 32L);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        assertThat(truth.get("format").asText()).isEqualTo("vigil-hcc-ground-truth");
        assertThat(truth.get("protocols")).hasSize(180);
        JsonNode patient = truth.get("patients").get(0);
        assertThat(patient.get("expectedSurvivalDays")).hasSize(180);
        int best = patient.get("bestProtocolIndex").asInt();
        for (JsonNode days : patient.get("expectedSurvivalDays")) {
            assertThat(days.asDouble()).isLessThanOrEqualTo(patient.get("expectedSurvivalDays").get(best).asDouble());
        }
        assertThat(truth.get("summary").get("mostCommonGivenProtocol").asText()).isNotBlank();
        assertThatThrownBy(() -> new HccCohortGenerator(SMALL).generate(dir))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void imagesShowTheTumourItsNecrosisAndItsShrinkage(@TempDir Path dir) throws IOException {
        new HccCohortGenerator(new HccCohortConfig(1, 5, 48, 0)).generate(dir);
        JsonNode patient = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile()).get("patients")
                .get(0);
        Path folder = dir.resolve("images").resolve(patient.get("key").asText());
        Volume pre = Nifti.read(folder.resolve("pre_ct.nii.gz"));
        Mask preMask = Nifti.readMask(folder.resolve("pre_mask.nii.gz"));
        Volume post = Nifti.read(folder.resolve("post_ct.nii.gz"));
        Mask postMask = Nifti.readMask(folder.resolve("post_mask.nii.gz"));
        assertThat(pre.geometry().nx()).isEqualTo(48);
        assertThat(preMask.count()).isPositive();
        double shrink = patient.get("givenResponse").get("shrinkFraction").asDouble();
        // The mask's volume follows the response: post / pre = 1 - shrink, within voxelisation error.
        assertThat((double) postMask.count() / preMask.count()).isCloseTo(1 - shrink,
                org.assertj.core.api.Assertions.within(0.1));
        // The largest lesion is drawn at its nominal volume (within 15 % for voxelisation and surface waves).
        if (patient.get("lesions").size() == 1) {
            assertThat(preMask.volumeMl()).isCloseTo(patient.get("tumourVolumeMl").asDouble(),
                    org.assertj.core.api.Assertions.withinPercentage(15));
        }
        // Necrosis raises the low-HU share of the tumour.
        assertThat(lowHuShare(post, postMask)).isGreaterThan(lowHuShare(pre, preMask));
    }

    @Test
    void differentProtocolsGiveDifferentPostTreatmentTumours() {
        HccCohortConfig config = new HccCohortConfig(1, 9, 32, 0);
        HccPatient patient = new HccPatientSampler(config).sample(0, new java.util.SplittableRandom(9).split());
        PhantomRenderer renderer = new PhantomRenderer(32);
        var weak = ResponseModel.respond(patient, dev.vigil.worldmodel.protocol.TaceProtocol.parse(
                "Raltitrexed; Lipiodol"));
        var strong = ResponseModel.respond(patient, dev.vigil.worldmodel.protocol.TaceProtocol.parse(
                "Idarubicin; Mitomycin; Lipiodol; PVA"));
        assertThat(strong.killFraction()).isNotEqualTo(weak.killFraction());
        Mask a = renderer.after(patient, weak).mask();
        Mask b = renderer.after(patient, strong).mask();
        assertThat(a.count()).isNotEqualTo(b.count());
    }

    private static double lowHuShare(Volume ct, Mask mask) {
        int low = 0;
        for (int i = 0; i < ct.geometry().voxelCount(); i++) {
            if (mask.get(i) && ct.get(i) < 30) {
                low++;
            }
        }
        return (double) low / mask.count();
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(root.relativize(file).toString(), Sha256.hex(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }
}
