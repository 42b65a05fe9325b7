package dev.vigil.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    // SHA-256("abc"), the FIPS 180-2 test vector.
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void namesContentByItsSha256AndReadsItBack() {
        ArtifactStore store = new ArtifactStore(dir);
        ArtifactRef ref = store.put("abc".getBytes(UTF_8));
        assertThat(ref).isEqualTo(new ArtifactRef(ABC, 3));
        assertThat(store.readAllBytes(ABC)).isEqualTo("abc".getBytes(UTF_8));
        assertThat(store.pathOf(ABC)).isEqualTo(dir.resolve("objects/ba/" + ABC));
        assertThat(store.contains(ABC)).isTrue();
        assertThat(store.ref(ABC)).isEqualTo(ref);
    }

    @Test
    void storesTheSameBytesOnce() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        ArtifactRef first = store.put("abc".getBytes(UTF_8));
        ArtifactRef second = store.put("abc".getBytes(UTF_8));
        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(dir.resolve("objects"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
        assertThat(tmpFiles()).isEmpty();
    }

    @Test
    void storedObjectsAreReadOnly() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        store.put("abc".getBytes(UTF_8));
        // Permission bits, not Files.isWritable: root may write anything, and CI runs as root.
        assertThat(Files.getPosixFilePermissions(store.pathOf(ABC)))
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                        java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }

    @Test
    void verifyNamesACorruptedObject() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        store.put("abc".getBytes(UTF_8));
        Path file = store.pathOf(ABC);
        file.toFile().setWritable(true);
        Files.writeString(file, "abd");

        assertThatThrownBy(() -> store.verify(ABC))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining(ABC)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is corrupt");
    }

    @Test
    void verifyAcceptsAnIntactObject() {
        ArtifactStore store = new ArtifactStore(dir);
        store.put("abc".getBytes(UTF_8));
        assertThat(store.verify(ABC)).isEqualTo(new ArtifactRef(ABC, 3));
    }

    @Test
    void missingObjectIsReportedWithTheStoreLocation() {
        ArtifactStore store = new ArtifactStore(dir);
        assertThatThrownBy(() -> store.open(ABC))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining(ABC)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void rejectsSomethingThatIsNotAHash() {
        ArtifactStore store = new ArtifactStore(dir);
        assertThatThrownBy(() -> store.open("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a SHA-256 hash");
        assertThatThrownBy(() -> store.open(ABC.toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteThatFailsMidwayLeavesNothingVisible() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 100_000) {
                    throw new IOException("disk went away");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store.put(failing))
                .isInstanceOf(ArtifactStoreException.class)
                .hasMessageContaining("disk went away");
        try (Stream<Path> files = Files.walk(dir.resolve("objects"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(tmpFiles()).isEmpty();
    }

    @Test
    void concurrentWritersOfTheSameContentAgree() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);
        byte[] content = new byte[1 << 20];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ArtifactRef>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> new ArtifactStore(dir).put(content)));
            }
            ArtifactRef first = futures.get(0).get();
            for (Future<ArtifactRef> future : futures) {
                assertThat(future.get()).isEqualTo(first);
            }
            assertThat(store.verify(first.sha256()).sizeBytes()).isEqualTo(content.length);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tmpFiles()).isEmpty();
    }

    @Test
    void storesAFileByItsContent() throws IOException {
        Path file = dir.resolve("input.bin");
        Files.writeString(file, "abc");
        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        assertThat(store.putFile(file).sha256()).isEqualTo(ABC);
        assertThatThrownBy(() -> store.putFile(dir.resolve("nope.bin")))
                .isInstanceOf(ArtifactStoreException.class)
                .hasMessageContaining("nope.bin")
                .hasMessageContaining("no such file");
    }

    private List<Path> tmpFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.toList();
        }
    }
}
