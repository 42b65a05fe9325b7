package dev.vigil.api.cli;

import dev.vigil.api.ingestion.IngestionRunner;
import dev.vigil.api.ingestion.SourceSpec;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Ingests FHIR data into a versioned trajectory dataset, with a progress bar and the report at the end. */
@Dependent
@Unremovable
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest FHIR R4 data through a cohort specification into a trajectory dataset.",
            "SOURCE is a Bulk Data folder (.ndjson / .ndjson.gz), a Bundle file or folder (.json / .xml),",
            "or a FHIR server base URL (http:// or https://)."})
public class IngestCommand implements Callable<Integer> {

    @Inject
    IngestionRunner runner;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Folder, file or FHIR server URL.")
    String source;

    @Option(names = "--cohort", required = true,
            description = "A shipped cohort (icu-sepsis, hcc-tace) or a cohort specification file (.yaml).")
    String cohort;

    @Option(names = "--name", description = "Dataset name (default: the source's folder or file name).")
    String name;

    @Option(names = "--token", description = "Bearer token for a FHIR server (or set VIGIL_FHIR_TOKEN).")
    String token;

    @Override
    public Integer call() throws IOException {
        CohortSpec spec = cohort.endsWith(".yaml") || cohort.endsWith(".yml") ? CohortSpecs.load(Path.of(cohort))
                : CohortSpecs.shipped(cohort);
        SourceSpec from = source.startsWith("http://") || source.startsWith("https://")
                ? new SourceSpec.Server(source, token != null ? token : System.getenv("VIGIL_FHIR_TOKEN"))
                : SourceSpec.detect(Path.of(source));
        String datasetName = name != null ? name : defaultName(source);
        IngestionRunner.Result result;
        try (ProgressBarListener bar = new ProgressBarListener("Ingesting")) {
            result = runner.run(from, spec, datasetName, "cli:" + System.getProperty("user.name"), bar);
        }
        System.out.println(result.report().toText());
        var dataset = result.dataset();
        System.out.printf("Dataset %s (%s): %d episodes, %d steps, cohort %s@%s%n", dataset.getId(), dataset.getName(),
                dataset.getEpisodes(), dataset.getSteps(), dataset.getCohortId(), dataset.getCohortVersion());
        return 0;
    }

    private static String defaultName(String source) {
        if (source.startsWith("http")) {
            return source.replaceAll("^https?://", "").replaceAll("[/?#].*$", "");
        }
        Path path = Path.of(source).toAbsolutePath().normalize();
        Path file = path.getFileName();
        return file == null ? "dataset" : Files.isDirectory(path) ? file.toString()
                : file.toString().replaceAll("\\.(json|xml)$", "");
    }
}
