package dev.vigil.artifact;

import dev.vigil.common.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * A content-addressed store of immutable blobs on disk.
 *
 * <p>Layout: {@code root/objects/ab/abcdef…} (the first two hex digits fan the files out), and
 * {@code root/tmp/} for writes in progress. A blob is streamed to a temporary file while hashed, forced to
 * disk, then moved into place atomically: a reader never sees a half-written object, and a write killed
 * midway leaves only a temporary file. Storing the same bytes twice stores them once. Objects are made
 * read-only once in place.
 *
 * <p>Safe for several threads and several processes sharing one directory (the CLI and the server):
 * every write goes through its own temporary file, and an atomic rename is the only way into
 * {@code objects/}.
 */
public final class ArtifactStore {

    private static final int BUFFER = 1 << 16;

    private final Path root;
    private final Path objects;
    private final Path tmp;

    /** Opens (creating when missing) the store under {@code root}. */
    public ArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.objects = this.root.resolve("objects");
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new ArtifactStoreException("Cannot create the artifact store at " + this.root + ": " + e.getMessage()
                    + ". Check that the data directory is writable.", e);
        }
    }

    /** The directory this store lives in. */
    public Path root() {
        return root;
    }

    /** Stores {@code bytes} and returns their reference. */
    public ArtifactRef put(byte[] bytes) {
        return put(new ByteArrayInputStream(bytes));
    }

    /** Stores a file's content (the file itself is left where it is). */
    public ArtifactRef putFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        } catch (NoSuchFileException e) {
            throw new ArtifactStoreException("Cannot store " + file + ": no such file", e);
        } catch (IOException e) {
            throw new ArtifactStoreException("Cannot read " + file + " into the artifact store: " + e.getMessage(), e);
        }
    }

    /**
     * Streams {@code content} into the store. The stream is read to its end but not closed.
     *
     * @return the reference of the stored bytes (the same as before if they were stored already)
     */
    public ArtifactRef put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "put-", ".part");
            MessageDigest digest = Sha256.newDigest();
            long size = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                DigestInputStream in = new DigestInputStream(content, digest);
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    out.write(buffer, 0, n);
                    size += n;
                }
                out.flush();
                channel.force(true);
            }
            String sha256 = Sha256.hex(digest);
            Path target = pathOf(sha256);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                moveIntoPlace(temp, target);
                temp = null;
                target.toFile().setReadOnly();
            }
            return new ArtifactRef(sha256, size);
        } catch (IOException e) {
            throw new ArtifactStoreException("Cannot write to the artifact store at " + root + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Whether an object with this hash is stored. */
    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    /** The reference (hash and size) of a stored object. */
    public ArtifactRef ref(String sha256) {
        Path file = existing(sha256);
        try {
            return new ArtifactRef(sha256, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a stored object for reading; the caller closes the stream. */
    public InputStream open(String sha256) {
        Path file = existing(sha256);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new ArtifactStoreException("Cannot read artifact " + sha256 + ": " + e.getMessage(), e);
        }
    }

    /** Reads a whole stored object into memory; meant for small objects (configs, reports). */
    public byte[] readAllBytes(String sha256) {
        try (InputStream in = open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ArtifactStoreException("Cannot read artifact " + sha256 + ": " + e.getMessage(), e);
        }
    }

    /**
     * Re-hashes a stored object and checks it still matches its name.
     *
     * @throws CorruptArtifactException when the bytes on disk changed
     */
    public ArtifactRef verify(String sha256) {
        Path file = existing(sha256);
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new ArtifactStoreException("Cannot read artifact " + sha256 + ": " + e.getMessage(), e);
        }
        String actual = Sha256.hex(digest);
        if (!actual.equals(sha256)) {
            throw new CorruptArtifactException(sha256, actual, file);
        }
        return new ArtifactRef(sha256, size);
    }

    /** Where the object with this hash lives (whether or not it exists). */
    public Path pathOf(String sha256) {
        Sha256.requireHex(sha256);
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path existing(String sha256) {
        Path file = pathOf(sha256);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactNotFoundException(sha256, root);
        }
        return file;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same bytes first: content addressing makes theirs identical to ours.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system under " + target.getParent()
                    + " cannot rename atomically; put the data directory on a local file system", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless: it is never visible under objects/
            }
        }
    }
}
