package dev.vigil.api.cli;

import dev.vigil.api.config.VigilConfig;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.ingestion.IngestionRunner;
import dev.vigil.api.ingestion.SourceSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.api.security.Roles;
import dev.vigil.api.security.UserService;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Serves Vigil with demo users (one per role, passwords printed) in a data directory of its own. Demo users
 * exist nowhere else: this command refuses a data directory that holds real users.
 */
@jakarta.enterprise.context.Dependent
@io.quarkus.arc.Unremovable
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serve Vigil with demo users and a demo cohort; prints the URL and logins.",
            "Uses its own data directory (./vigil-demo-data unless VIGIL_DATA_DIR says otherwise)."})
public class DemoCommand implements Callable<Integer> {

    /** Marks a data directory as the demo's, so demo users are never added to real data. */
    static final String MARKER = "DEMO-DATA-DIRECTORY";

    /** Demo logins: username, password, role. Public on purpose; never use them outside the demo. */
    record DemoUser(String username, String password, String role) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("clinician", "clinician-demo", Roles.CLINICIAN),
            new DemoUser("researcher", "researcher-demo", Roles.RESEARCHER),
            new DemoUser("auditor", "auditor-demo", Roles.AUDITOR),
            new DemoUser("admin", "admin-demo-pass", Roles.ADMIN));

    @Inject
    VigilConfig config;

    @Inject
    UserService users;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @Option(names = "--no-serve", description = "Set up the demo data and exit instead of serving.")
    boolean noServe;

    @Option(names = "--patients", defaultValue = "120",
            description = "Patients in the synthetic ICU sepsis demo cohort (default ${DEFAULT-VALUE}).")
    int patients;

    @Inject
    DatasetService datasets;

    @Inject
    IngestionRunner ingestion;

    /** The demo cohort: synthetic ICU sepsis patients (seed 2024) written as FHIR and ingested like real data. */
    private void ingestDemoCohort() {
        Path folder = config.dataDir().resolve("demo-cohort");
        try {
            if (!Files.exists(folder.resolve("Patient.ndjson"))) {
                System.out.println("Writing the synthetic ICU sepsis demo cohort (" + patients + " patients)...");
                new SepsisCohortGenerator().generate(SepsisCohortConfig.of(patients, 2024), folder);
            }
            System.out.println("Ingesting it through the icu-sepsis cohort specification...");
            var result = ingestion.run(new SourceSpec.BulkFolder(folder), CohortSpecs.shipped("icu-sepsis"),
                    "Synthetic ICU sepsis (demo)", "demo", IngestionListener.NONE);
            System.out.printf("Demo dataset %s: %d episodes%n", result.dataset().getId().substring(0, 12),
                    result.dataset().getEpisodes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up the demo cohort in " + folder, e);
        }
    }

    @Override
    public Integer call() {
        Path marker = config.dataDir().resolve(MARKER);
        if (!Files.exists(marker) && !users.list().isEmpty()) {
            System.err.println("The data directory " + config.dataDir().toAbsolutePath().normalize()
                    + " holds real users; the demo runs in a directory of its own. Unset VIGIL_DATA_DIR or point it "
                    + "at an empty directory.");
            return 2;
        }
        writeMarker(marker);
        for (DemoUser demo : DEMO_USERS) {
            if (users.find(demo.username()).isEmpty()) {
                users.create(demo.username(), "Demo " + demo.role(), demo.password(), List.of(demo.role()));
            }
        }
        if (datasets.list().isEmpty()) {
            ingestDemoCohort();
        }
        printWelcome();
        if (!noServe) {
            Quarkus.waitForExit();
        }
        return 0;
    }

    private void printWelcome() {
        System.out.println();
        System.out.printf("Vigil demo: open http://localhost:%d/%n", port);
        System.out.println("Sign in as one of (demo only, never use these elsewhere):");
        for (DemoUser demo : DEMO_USERS) {
            System.out.printf("  %-11s password %-16s role %s%n", demo.username(), demo.password(), demo.role());
        }
        System.out.println("Data directory: " + config.dataDir().toAbsolutePath().normalize());
        System.out.println("Stop with Ctrl-C.");
    }

    private static void writeMarker(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.writeString(marker, "This data directory belongs to `vigil demo`; its users are public demo users.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }
}
