package dev.vigil.artifact;

/** No artifact with the requested hash is in the store. */
public final class ArtifactNotFoundException extends ArtifactStoreException {

    private static final long serialVersionUID = 1L;

    public ArtifactNotFoundException(String sha256, java.nio.file.Path root) {
        super("No artifact " + sha256 + " in the artifact store at " + root
                + "; was it written by another data directory?");
    }
}
