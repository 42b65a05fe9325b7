package dev.vigil.api.cli;

import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.ingestion.dataset.DatasetCsvWriter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Listing, inspecting and exporting trajectory datasets. */
@Dependent
@Unremovable
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List, show and export datasets.")
public class DatasetsCommand {

    @Inject
    DatasetService datasets;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List datasets, newest first.")
    int list() {
        List<DatasetRecord> all = datasets.list();
        if (all.isEmpty()) {
            System.out.println("No datasets yet: ./vigil ingest, ./vigil import or ./vigil synth sepsis first.");
            return 0;
        }
        System.out.printf("%-14s %-28s %-16s %-22s %9s %9s %7s%n", "ID", "NAME", "COHORT", "TYPES (STATE/ACTION)",
                "EPISODES", "STEPS", "ERRORS");
        for (DatasetRecord d : all) {
            System.out.printf("%-14s %-28s %-16s %-22s %9d %9d %7d%n", d.getId().substring(0, 12), d.getName(),
                    d.getCohortId() == null ? "-" : d.getCohortId(), d.getStateType() + "/" + d.getActionType(),
                    d.getEpisodes(), d.getSteps(), d.getErrorCount());
        }
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a dataset and its ingestion report.")
    int show(@Parameters(paramLabel = "ID", description = "Dataset id or a unique prefix of it.") String id) {
        DatasetRecord d = datasets.resolve(id);
        System.out.printf("Dataset %s%n  name %s%n  cohort %s@%s%n  state %s, action %s%n  %d episodes, %d steps%n"
                        + "  features %s%n  actions %s%n  source %s%n  created %s by %s%n", d.getId(), d.getName(),
                d.getCohortId(), d.getCohortVersion(), d.getStateType(), d.getActionType(), d.getEpisodes(),
                d.getSteps(), d.getFeatureNames(), d.getActionNames(), d.getSource(), d.getCreatedAt(),
                d.getCreatedBy());
        datasets.report(d).ifPresent(report -> System.out.println(report.toText()));
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a dataset as CSV, one row per step (docs/dataset-csv.md).")
    int export(@Parameters(paramLabel = "ID", description = "Dataset id or a unique prefix of it.") String id,
            @Option(names = "--out", required = true, description = "The CSV file to write.") Path out)
            throws IOException {
        DatasetRecord d = datasets.resolve(id);
        DatasetCsvWriter.write(datasets.load(d), out);
        System.out.println("Wrote " + out + " (" + d.getSteps() + " steps)");
        return 0;
    }

}
