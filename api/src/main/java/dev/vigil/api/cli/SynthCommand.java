package dev.vigil.api.cli;

import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.ingestion.synth.SepsisCohortSummary;
import dev.vigil.worldmodel.synth.HccCohortConfig;
import dev.vigil.worldmodel.synth.HccCohortGenerator;
import dev.vigil.worldmodel.synth.HccCohortSummary;
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
        description = "Generate synthetic cohorts with known ground truth as FHIR Bulk NDJSON (sepsis, hcc).")
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

    @Command(name = "hcc", mixinStandardHelpOptions = true,
            description = {"Write a synthetic HCC cohort treated with TACE (docs/methods/synthetic-hcc.md):",
                "FHIR Bulk NDJSON in OUT/fhir, NIfTI crops and masks in OUT/images, OUT/ground-truth.json.",
                "Ingest it with ./vigil ingest OUT/fhir --cohort hcc-tace. Same seed, same bytes."})
    int hcc(
            @Option(names = "--patients", required = true, description = "Number of patients.") int patients,
            @Option(names = "--seed", required = true, description = "Seed; the same seed writes the same bytes.")
            long seed,
            @Option(names = "--out", required = true, description = "Output folder (created; must hold no cohort).")
            Path out,
            @Option(names = "--size", defaultValue = "" + HccCohortConfig.DEFAULT_CROP_SIZE,
                    description = "Edge of the cubic CT crop in voxels, 16..256 (default ${DEFAULT-VALUE}).") int size,
            @Option(names = "--threads", defaultValue = "0",
                    description = "Generator threads (default: all cores); never changes the output.") int threads)
            throws IOException {
        HccCohortConfig config = new HccCohortConfig(patients, seed, size, HccCohortConfig.DEFAULT_HELD_OUT_FRACTION);
        HccCohortGenerator generator = threads > 0 ? new HccCohortGenerator(config, threads)
                : new HccCohortGenerator(config);
        long started = System.nanoTime();
        HccCohortSummary summary = generator.generate(out);
        System.out.printf(Locale.ROOT, "Wrote %d HCC patients (%d^3 crops) to %s in %.1f s%n", summary.patients(),
                size, summary.directory(), (System.nanoTime() - started) / 1e9);
        summary.resources().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-26s %,d%n", e.getKey(), e.getValue()));
        System.out.printf(Locale.ROOT, "Deaths %d (rest censored); held out %d; contraindicated %d%n",
                summary.deaths(), summary.heldOut(), summary.contraindicated());
        System.out.printf(Locale.ROOT, "Most common given protocol: %s (%d patients); clinician chose the best for %d;"
                + " %d distinct best protocols%n", summary.mostCommonGivenProtocol(), summary.mostCommonGivenCount(),
                summary.clinicianChoseBest(), summary.distinctBestProtocols());
        System.out.println("Next: ./vigil ingest " + out.resolve(HccCohortGenerator.FHIR_DIR)
                + " --cohort hcc-tace, then ./vigil worldmodel train --dataset ID --images " + out);
        return 0;
    }
}
