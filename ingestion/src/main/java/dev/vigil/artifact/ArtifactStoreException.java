package dev.vigil.artifact;

/** A failure of the artifact store that the caller can act on; the message says what to do. */
public class ArtifactStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArtifactStoreException(String message) {
        super(message);
    }

    public ArtifactStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
