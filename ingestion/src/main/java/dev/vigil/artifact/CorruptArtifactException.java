package dev.vigil.artifact;

/** A stored artifact's bytes no longer hash to its name: it was altered or damaged on disk. */
public final class CorruptArtifactException extends ArtifactStoreException {

    private static final long serialVersionUID = 1L;

    public CorruptArtifactException(String expected, String actual, java.nio.file.Path file) {
        super("Artifact " + expected + " at " + file + " is corrupt: its content hashes to " + actual
                + ". Restore it from a backup or re-create the artifact; never edit files in the store.");
    }
}
