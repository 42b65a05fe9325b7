package dev.vigil.ingestion.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.artifact.ArtifactRef;
import dev.vigil.artifact.ArtifactStore;
import dev.vigil.common.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCodecTest {

    /**
     * The saved file {@code dataset/fixture-v1.vgds} holds {@link DatasetFixtures#continuous()} in format
     * version 1. It must stay readable by every later version: never regenerate it.
     */
    private static final String REFERENCE = "/dataset/fixture-v1.vgds";
    private static final String REFERENCE_CONTENT_HASH =
            "e16152f93a4d5db1cd836ace9b1719b94e85cefe9110e2070d1e9c3f6d67bb2e";

    @Test
    void readsTheSavedVersionOneFile() throws IOException {
        byte[] saved = reference();
        TrajectoryDataset dataset = DatasetCodec.read(new ByteArrayInputStream(saved), REFERENCE);
        assertThat(dataset.contentHash()).isEqualTo(REFERENCE_CONTENT_HASH);
        assertThat(dataset.schema()).isEqualTo(DatasetFixtures.continuous().schema());
        Episode p1 = dataset.episodes().get(0);
        assertThat(p1.provenance().resourcesOf(0)).containsExactly("Observation/hr-1", "Observation/lac-1");
        assertThat(p1.imaging()).singleElement().extracting(ImagingLink::url).isEqualTo("file:///ct/p1.nii.gz");
        assertThat(((ContinuousStates) p1.states()).isMissing(1, 1)).isTrue();
        // The writer still writes exactly these bytes: the format has not drifted.
        assertThat(DatasetCodec.toBytes(DatasetFixtures.continuous())).isEqualTo(saved);
    }

    @Test
    void roundTripsEverything() throws IOException {
        for (TrajectoryDataset dataset : new TrajectoryDataset[] {DatasetFixtures.continuous(),
                DatasetFixtures.tabular()}) {
            byte[] bytes = DatasetCodec.toBytes(dataset);
            TrajectoryDataset back = DatasetCodec.read(new ByteArrayInputStream(bytes), "memory");
            assertThat(back.contentHash()).isEqualTo(dataset.contentHash());
            assertThat(back.schema()).isEqualTo(dataset.schema());
            assertThat(DatasetCodec.toBytes(back)).isEqualTo(bytes);
        }
    }

    @Test
    void goesIntoTheArtifactStoreAndBack(@TempDir Path dir) throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        TrajectoryDataset dataset = DatasetFixtures.continuous();
        byte[] bytes = DatasetCodec.toBytes(dataset);
        ArtifactRef ref = store.put(new ByteArrayInputStream(bytes));
        assertThat(ref.sha256()).isEqualTo(Sha256.hex(bytes));
        try (InputStream in = store.open(ref.sha256())) {
            assertThat(DatasetCodec.read(in, ref.sha256()).contentHash()).isEqualTo(dataset.contentHash());
        }
    }

    @Test
    void rejectsAnotherFormatVersion() {
        byte[] bytes = DatasetCodec.toBytes(DatasetFixtures.tabular());
        bytes[7] = 2;
        assertThatThrownBy(() -> DatasetCodec.read(new ByteArrayInputStream(bytes), "data.vgds"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("data.vgds is a dataset file of format version 2, which this Vigil cannot read (it reads "
                        + "version 1); use the Vigil release that wrote it, or export it to CSV there");
    }

    @Test
    void rejectsAFileThatIsNotADataset() {
        byte[] bytes = "PK\u0003\u0004 not a dataset".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> DatasetCodec.read(new ByteArrayInputStream(bytes), "x.zip"))
                .hasMessage("x.zip is not a Vigil dataset file: it starts with 504b0304, not 'VGDS'");
    }

    @Test
    void detectsDamagedContent() {
        byte[] bytes = DatasetCodec.toBytes(DatasetFixtures.tabular());
        bytes[bytes.length - 40] ^= 1; // a reward or cost bit, inside the content section
        assertThatThrownBy(() -> DatasetCodec.read(new ByteArrayInputStream(bytes), "data.vgds"))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("data.vgds is damaged");
    }

    @Test
    void detectsTruncationAndTrailingBytes() {
        byte[] bytes = DatasetCodec.toBytes(DatasetFixtures.tabular());
        assertThatThrownBy(() -> DatasetCodec.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 1)),
                "data.vgds")).hasMessage("data.vgds ends early: the dataset file is truncated");
        assertThatThrownBy(() -> DatasetCodec.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length + 1)),
                "data.vgds")).hasMessage("data.vgds has bytes after its end; the file is damaged");
    }

    private static byte[] reference() throws IOException {
        try (InputStream in = DatasetCodecTest.class.getResourceAsStream(REFERENCE)) {
            assertThat(in).as("saved reference file " + REFERENCE).isNotNull();
            return in.readAllBytes();
        }
    }
}
