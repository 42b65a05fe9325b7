package dev.vigil.api.cli;

import com.sun.management.OperatingSystemMXBean;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.fhir.BareHapiParse;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IngestionReportCollector;
import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.ingestion.units.UnitConverter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed measurements whose figures go into docs/benchmarks.md. Every figure is a ratio against a baseline
 * measured in the same process, alternating with it, because these machines are shared and noisy.
 */
@Dependent
@Unremovable
@Command(name = "benchmark", mixinStandardHelpOptions = true, description = "Measure speed (docs/benchmarks.md).")
public class BenchmarkCommand {

    @Command(name = "ingestion", mixinStandardHelpOptions = true,
            description = {"Ingest a synthetic ICU sepsis Bulk NDJSON folder (about 1 GB by default) through the",
                "icu-sepsis cohort, alternating with a bare HAPI parse of the same files on the same threads.",
                "Run with a 512 MB heap: VIGIL_JAVA_OPTS=-Xmx512m ./vigil benchmark ingestion"})
    int ingestion(
            @Option(names = "--work", defaultValue = "target/benchmarks/ingestion",
                    description = "Where the cohort is written once and reused (default ${DEFAULT-VALUE}).") Path work,
            @Option(names = "--patients", defaultValue = "2800",
                    description = "Patients (2,800 make about 1.1 GB; default ${DEFAULT-VALUE}).") int patients,
            @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds after one warm-up round.")
            int rounds,
            @Option(names = "--threads", defaultValue = "0", description = "Parser threads (default: all cores).")
            int threads) throws IOException {
        int parsers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Path folder = work.resolve("sepsis-" + patients);
        if (!Files.exists(folder.resolve("Patient.ndjson"))) {
            System.out.println("Writing " + patients + " synthetic patients to " + folder + " (once)...");
            new SepsisCohortGenerator().generate(SepsisCohortConfig.of(patients, 1), folder);
        }
        long bytes = folderBytes(folder);
        System.out.printf(Locale.ROOT, "Input: %s, %.2f GB NDJSON; heap max %d MB; %d cores; %d parser threads%n",
                folder, bytes / 1e9, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), parsers);
        CohortSpec spec = CohortSpecs.shipped("icu-sepsis");
        IngestionPipeline pipeline = new IngestionPipeline(UnitConverter.load());
        System.out.println("round  bare HAPI parse res/s  Vigil ingestion res/s  ratio  CPU cores used  episodes");
        for (int round = 0; round <= rounds; round++) {
            BareHapiParse.Result bare = BareHapiParse.measure(folder, parsers);
            double bareRate = bare.resourcesPerSecond();
            long cpuBefore = cpuNanos();
            long start = System.nanoTime();
            IngestionReportCollector report = new IngestionReportCollector();
            var dataset = pipeline.run(new BulkNdjsonSource(folder, parsers), spec, report, "benchmark");
            long wall = System.nanoTime() - start;
            double cores = (cpuNanos() - cpuBefore) / (double) wall;
            double rate = report.report().resourcesTotal() / (wall / 1e9);
            System.out.printf(Locale.ROOT, "%-6s %21.0f  %21.0f  %5.2f  %14.2f  %8d%n", round == 0 ? "warmup" : round,
                    bareRate, rate, rate / bareRate, cores, dataset.episodes().size());
        }
        System.out.printf(Locale.ROOT, "Heap in use after the last collection: %d MB%n", heapAfterLastGc() >> 20);
        return 0;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".ndjson")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap left after the latest collection of each pool: live data, not garbage awaiting collection. */
    private static long heapAfterLastGc() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                peak += pool.getCollectionUsage().getUsed();
            }
        }
        return peak;
    }
}
