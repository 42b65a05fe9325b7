package dev.vigil.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Vigil's own settings ({@code vigil.*}); see docs/configuration.md for every key and its variable. */
@ConfigMapping(prefix = "vigil")
public interface VigilConfig {

    /** Where the embedded database, the artifact store and other local state live. */
    @WithDefault("./vigil-data")
    Path dataDir();

    /**
     * Whether this process serves HTTP and runs ingestion jobs (true for {@code serve}, {@code demo} and
     * tests). Command-line processes set it false, so they never touch the server's jobs.
     */
    @WithDefault("true")
    boolean serving();
}
