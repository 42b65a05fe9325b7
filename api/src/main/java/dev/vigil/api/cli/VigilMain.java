package dev.vigil.api.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point of the built application. Commands that serve HTTP keep the listener; every other command
 * (user administration, ingestion, training...) runs without one, so it can run beside a live server.
 */
@QuarkusMain
public class VigilMain implements QuarkusApplication {

    private static final Set<String> SERVING_COMMANDS = Set.of("serve", "demo");

    public static void main(String... args) {
        boolean serving = args.length > 0 && SERVING_COMMANDS.contains(args[0]);
        // Only the serving process runs ingestion jobs, so only it may declare stale ones interrupted.
        System.setProperty("vigil.serving", Boolean.toString(serving));
        if (!serving) {
            System.setProperty("quarkus.http.host-enabled", "false");
            if (System.getProperty("quarkus.log.level") == null && System.getenv("QUARKUS_LOG_LEVEL") == null) {
                // A command's output is what it prints; start-up chatter would bury it.
                System.setProperty("quarkus.log.level", "WARN");
            }
        }
        Quarkus.run(VigilMain.class, args);
    }

    @Override
    public int run(String... args) {
        return new CommandLine(VigilCommand.class, new CdiCommandFactory())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(VigilMain::reportFailure)
                .execute(args);
    }

    /**
     * A failure the user can fix is one line on standard error and exit code 2; anything else keeps its
     * stack trace (exit code 1) so that it can be reported.
     */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                || e instanceof dev.vigil.api.security.UserConflictException
                || e instanceof dev.vigil.api.security.UnknownUserException
                || e instanceof dev.vigil.ingestion.dataset.DatasetFormatException
                || e instanceof dev.vigil.ingestion.units.UnitConversionException
                || e instanceof dev.vigil.artifact.ArtifactStoreException) {
            commandLine.getErr().println("vigil " + commandLine.getCommandName() + ": " + e.getMessage());
            return 2;
        }
        e.printStackTrace(commandLine.getErr());
        return 1;
    }
}
