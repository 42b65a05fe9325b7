package dev.vigil.artifact;

import dev.vigil.common.Sha256;

/**
 * A stored blob, named by the SHA-256 of its bytes.
 *
 * @param sha256 lower-case hex SHA-256 of the content
 * @param sizeBytes the content's length in bytes
 */
public record ArtifactRef(String sha256, long sizeBytes) {

    public ArtifactRef {
        Sha256.requireHex(sha256);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("Artifact size must be >= 0, was " + sizeBytes);
        }
    }
}
