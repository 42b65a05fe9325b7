package dev.vigil.api.cli;

import dev.vigil.api.dataset.DatasetRecord;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.ingestion.dataset.CsvImportOptions;
import dev.vigil.ingestion.dataset.CsvImportResult;
import dev.vigil.ingestion.dataset.DatasetCsvReader;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.report.IngestionIssue;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports a dataset from CSV, with the state and action types stated, never guessed. */
@Dependent
@Unremovable
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a trajectory dataset from CSV (docs/dataset-csv.md).",
            "State and action types are stated, never guessed. Tabular: columns",
            "episode,step,state,action,reward,done[,cost]."})
public class ImportCommand implements Callable<Integer> {

    /** How the states or actions of the file are represented. */
    enum Kind { continuous, discrete }

    @Inject
    DatasetService datasets;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV file.")
    Path file;

    @Option(names = "--format", required = true, description = "Input format: csv.")
    String format;

    @Option(names = "--state-type", required = true, description = "continuous (feature columns) or discrete "
            + "(a 'state' column of ids).")
    Kind stateType;

    @Option(names = "--action-type", required = true, description = "continuous (action columns) or discrete "
            + "(an 'action' column of ids).")
    Kind actionType;

    @Option(names = "--states", description = "Number of discrete states (default: the largest id in the file + 1).")
    Integer states;

    @Option(names = "--actions", description = "Number of discrete actions (default: the largest id in the file + 1).")
    Integer actions;

    @Option(names = "--name", required = true, description = "Dataset name.")
    String name;

    @Override
    public Integer call() throws IOException {
        if (!"csv".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("Unknown --format '" + format + "': Vigil imports csv");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        CsvImportOptions options = new CsvImportOptions(space(stateType, states, "state"),
                space(actionType, actions, "action"), name);
        CsvImportResult result = DatasetCsvReader.read(file, options);
        for (IngestionIssue issue : result.issues()) {
            System.err.println("  " + issue.kind() + " " + issue.origin().describe() + ": " + issue.message());
        }
        DatasetRecord record = datasets.register(result.dataset(), null, "csv:" + file.toAbsolutePath().normalize(),
                "cli:" + System.getProperty("user.name"));
        System.out.printf("Dataset %s (%s): %d episodes, %d steps, states %s, actions %s%s%n", record.getId(),
                record.getName(), record.getEpisodes(), record.getSteps(), result.dataset().schema().stateType(),
                result.dataset().schema().actionType(),
                result.issues().isEmpty() ? "" : "; " + result.issues().size() + " problem(s) listed above were left out");
        return 0;
    }

    private SpaceType space(Kind kind, Integer size, String column) throws IOException {
        if (kind == Kind.continuous) {
            if (size != null) {
                throw new IllegalArgumentException("--" + column + "s applies to discrete " + column + "s only");
            }
            return SpaceType.continuous();
        }
        return SpaceType.discrete(size != null ? size : largestId(column) + 1);
    }

    /** The largest non-negative integer in a column; malformed values are left for the reader to report. */
    private int largestId(String column) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty: a CSV dataset starts with a header line");
            }
            List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
            int index = names.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException(file + " line 1: discrete " + column + "s need a '" + column
                        + "' column; the header is " + header);
            }
            int max = -1;
            for (String line; (line = in.readLine()) != null; ) {
                String[] cells = line.split(",", -1);
                if (index < cells.length && cells[index].trim().matches("\\d{1,9}")) {
                    max = Math.max(max, Integer.parseInt(cells[index].trim()));
                }
            }
            if (max < 0) {
                throw new IllegalArgumentException(file + ": the '" + column + "' column holds no integer ids");
            }
            return max;
        }
    }
}
