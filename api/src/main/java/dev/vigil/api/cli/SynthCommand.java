package dev.vigil.api.cli;

import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.ingestion.synth.SepsisCohortSummary;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Synthetic cohorts with known ground truth, written as FHIR for the ingestion path to read. */
@Dependent
@Unremovable
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate synthetic cohorts with known ground truth as FHIR Bulk NDJSON.")
public class SynthCommand {

    @Command(name = "sepsis", mixinStandardHelpOptions = true,
            description = {"Write an ICU sepsis cohort (Patient, Encounter, Condition, hourly Observations,",
                "MedicationAdministration for fluids and vasopressors) from the documented simulator",
                "(docs/methods/synthetic-sepsis.md), plus ground-truth.json. Same seed, same bytes."})
    int sepsis(
            @Option(names = "--patients", required = true, description = "Number of patients.") int patients,
            @Option(names = "--seed", required = true, description = "Seed; the same seed writes the same bytes.")
            long seed,
            @Option(names = "--out", required = true, description = "Output folder (created; must be empty).")
            Path out,
            @Option(names = "--unsafe-rate", defaultValue = "0.1",
                    description = "Rate of unsafe clinician choices per decision (default ${DEFAULT-VALUE}).")
            double unsafeRate,
            @Option(names = "--threads", defaultValue = "0",
                    description = "Generator threads (default: all cores).") int threads) throws IOException {
        SepsisCohortConfig config = new SepsisCohortConfig(patients, seed, unsafeRate,
                SepsisCohortConfig.DEFAULT_ONSET_YEAR);
        SepsisCohortGenerator generator = threads > 0 ? new SepsisCohortGenerator(threads) : new SepsisCohortGenerator();
        SepsisCohortSummary summary = generator.generate(config, out);
        System.out.printf(Locale.ROOT, "Wrote %d patients (%d resources, %.1f MB) to %s in %.1f s%n",
                summary.patients(), summary.resources().values().stream().mapToLong(Long::longValue).sum(),
                summary.bytes() / 1e6, summary.directory(), summary.elapsed().toMillis() / 1000.0);
        summary.resources().forEach((type, count) -> System.out.printf(Locale.ROOT, "  %-26s %,d%n", type, count));
        System.out.printf(Locale.ROOT, "Deaths: %d in the window, %d within 90 days; unsafe decisions %d of %d%n",
                summary.deathsInWindow(), summary.deathsWithin90Days(), summary.unsafeDecisions(), summary.decisions());
        return 0;
    }
}
