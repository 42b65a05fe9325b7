package dev.vigil.ingestion.synth.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthReaderTest {

    @Test
    void readsWhatTheGeneratorWrote(@TempDir Path temp) throws IOException {
        new SepsisCohortGenerator(1).generate(SepsisCohortConfig.of(3, 5), temp);

        GroundTruth truth = new GroundTruthReader().read(temp);

        assertThat(truth.header().formatVersion()).isEqualTo(GroundTruthFormat.VERSION);
        assertThat(truth.header().config().patients()).isEqualTo(3);
        assertThat(truth.patients()).extracting(GroundTruthPatient::key)
                .containsExactly("sepsis-5-0", "sepsis-5-1", "sepsis-5-2");
        assertThat(truth.patients().get(0).blocs().get(0).observation()).hasSize(22);
    }

    @Test
    void rejectsAnotherFormatVersionSayingWhatToDo(@TempDir Path temp) throws IOException {
        new SepsisCohortGenerator(1).generate(SepsisCohortConfig.of(1, 5), temp);
        Path file = temp.resolve(GroundTruthFormat.FILE_NAME);
        List<String> lines = Files.readAllLines(file);
        lines.set(0, lines.get(0).replace("\"formatVersion\":1", "\"formatVersion\":2"));
        Files.write(file, lines);

        assertThatThrownBy(() -> new GroundTruthReader().read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 2")
                .hasMessageContaining("regenerate the cohort");
    }

    @Test
    void rejectsAFileThatIsNoGroundTruthNamingTheLine(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("Patient.ndjson");
        Files.writeString(file, "{\"resourceType\":\"Patient\"}\n");

        assertThatThrownBy(() -> new GroundTruthReader().read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 1");
    }
}
