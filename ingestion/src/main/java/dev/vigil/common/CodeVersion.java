package dev.vigil.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the code that is running, recorded in every artifact's provenance.
 *
 * <p>Read from {@code build.properties}, which the build writes from git (git-commit-id-maven-plugin).
 * A build outside a git checkout reports commit {@code "unknown"} rather than failing, and says so in
 * {@link #label()}.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the full commit id, or {@code "unknown"}
 * @param dirty whether the working tree had uncommitted changes when built
 */
public record CodeVersion(String version, String commit, boolean dirty) {

    private static final String RESOURCE = "build.properties";
    private static final CodeVersion CURRENT = load();

    /** The version of the running code. */
    public static CodeVersion current() {
        return CURRENT;
    }

    /** A short label such as {@code 0.1.0-SNAPSHOT+3f2a91c} or {@code 0.1.0-SNAPSHOT+3f2a91c.dirty}. */
    public String label() {
        String shortCommit = commit.length() > 7 ? commit.substring(0, 7) : commit;
        return version + "+" + shortCommit + (dirty ? ".dirty" : "");
    }

    static CodeVersion fromProperties(Properties properties) {
        String version = properties.getProperty("git.build.version", "unknown");
        String commit = properties.getProperty("git.commit.id.full", "");
        if (commit.isBlank()) {
            commit = "unknown";
        }
        boolean dirty = Boolean.parseBoolean(properties.getProperty("git.dirty", "false"));
        return new CodeVersion(version, commit, dirty);
    }

    private static CodeVersion load() {
        Properties properties = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from the ingestion jar", e);
        }
        return fromProperties(properties);
    }
}
