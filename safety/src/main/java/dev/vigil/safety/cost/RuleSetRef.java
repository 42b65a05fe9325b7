package dev.vigil.safety.cost;

import dev.vigil.common.Sha256;

/**
 * What every cost names: the rule set's id, version and content hash. The hash tells two files that claim
 * the same version apart.
 *
 * @param id the rule set id, e.g. {@code sepsis-bedside}
 * @param version its version, e.g. {@code 1.0.0}
 * @param sha256 lower-case hex SHA-256 of its canonical form ({@link RuleSet#canonicalForm()})
 */
public record RuleSetRef(String id, String version, String sha256) {

    public RuleSetRef {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("A rule set reference needs the rule set's id and version");
        }
        Sha256.requireHex(sha256);
    }

    /** E.g. {@code sepsis-bedside 1.0.0 sha256:3f2a...}. */
    @Override
    public String toString() {
        return id + " " + version + " sha256:" + sha256;
    }
}
