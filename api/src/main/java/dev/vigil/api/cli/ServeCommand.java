package dev.vigil.api.cli;

import dev.vigil.api.config.VigilConfig;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;

/** Serves the web UI and the API until stopped. */
@jakarta.enterprise.context.Dependent
@io.quarkus.arc.Unremovable
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web UI and the API on http://localhost:PORT until stopped (Ctrl-C).",
            "Port: VIGIL_PORT or --port with ./vigil (default 8080). Data: VIGIL_DATA_DIR (default ./vigil-data)."})
public class ServeCommand implements Callable<Integer> {

    @Inject
    VigilConfig config;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    @Override
    public Integer call() {
        System.out.printf("Vigil is serving at http://localhost:%d/ (data in %s, %s database). Stop with Ctrl-C.%n",
                port, config.dataDir().toAbsolutePath().normalize(), databaseKind);
        Quarkus.waitForExit();
        return 0;
    }
}
