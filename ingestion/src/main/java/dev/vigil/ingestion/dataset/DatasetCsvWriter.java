package dev.vigil.ingestion.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports a dataset as CSV, one row per step ({@code docs/dataset-csv.md}). Numbers are written with
 * {@link Double#toString}, which reads back to the same double, so an export imported again has the same
 * content hash. Provenance, imaging links and the cohort metadata are not part of the CSV.
 */
public final class DatasetCsvWriter {

    private DatasetCsvWriter() {
    }

    /** Writes to {@code file} through a temporary file, so a reader never sees half a file. */
    public static void write(TrajectoryDataset dataset, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(dataset, out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the CSV text to {@code out}, which is flushed but not closed. */
    public static void write(TrajectoryDataset dataset, Writer out) throws IOException {
        DatasetSchema schema = dataset.schema();
        boolean outcome = dataset.episodes().stream().anyMatch(e -> e.outcome() != null);
        CsvColumns columns = new CsvColumns(schema.stateType(),
                schema.features().stream().map(Variable::name).toList(), schema.actionType(),
                schema.actions().stream().map(Variable::name).toList(),
                !schema.stateType().isDiscrete() || schema.hasCosts(), outcome);
        BufferedWriter writer = new BufferedWriter(out, 1 << 16);
        writer.write(String.join(",", columns.header()));
        writer.write('\n');
        writeUnits(schema, columns, writer);
        StringBuilder row = new StringBuilder(256);
        for (Episode episode : dataset.episodes()) {
            for (int t = 0; t < episode.steps(); t++) {
                row.setLength(0);
                row.append(episode.id()).append(',').append(t);
                appendState(episode.states(), t, row);
                appendAction(episode.actions(), t, row);
                row.append(',');
                if (episode.hasRewards()) {
                    row.append(episode.reward(t));
                }
                if (columns.cost()) {
                    row.append(',');
                    if (episode.hasCosts()) {
                        row.append(episode.cost(t));
                    }
                }
                row.append(',').append(episode.terminal(t) ? '1' : '0');
                if (outcome) {
                    appendOutcome(episode.outcome(), row);
                }
                row.append('\n');
                writer.append(row);
            }
        }
        writer.flush();
    }

    /** A second line {@code #units,...} aligned with the header, when any variable has a unit. */
    private static void writeUnits(DatasetSchema schema, CsvColumns columns, Writer writer) throws IOException {
        boolean any = schema.features().stream().anyMatch(v -> !v.unit().isEmpty())
                || schema.actions().stream().anyMatch(v -> !v.unit().isEmpty());
        if (!any) {
            return;
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.width(); i++) {
            cells.add("");
        }
        cells.set(0, DatasetCsvReader.UNITS_MARKER);
        for (int f = 0; f < schema.features().size(); f++) {
            cells.set(columns.firstState() + f, schema.features().get(f).unit());
        }
        for (int a = 0; a < schema.actions().size(); a++) {
            cells.set(columns.firstAction() + a, schema.actions().get(a).unit());
        }
        writer.write(String.join(",", cells));
        writer.write('\n');
    }

    private static void appendState(States states, int t, StringBuilder row) {
        if (states instanceof ContinuousStates continuous) {
            int width = continuous.width();
            for (int f = 0; f < width; f++) {
                row.append(',');
                double value = continuous.value(t, f);
                if (!Double.isNaN(value)) {
                    row.append(value);
                }
            }
            for (int f = 0; f < width; f++) {
                row.append(',').append(continuous.isMissing(t, f) ? '1' : '0');
            }
        } else {
            row.append(',').append(((DiscreteStates) states).id(t));
        }
    }

    private static void appendAction(Actions actions, int t, StringBuilder row) {
        if (actions instanceof ContinuousActions continuous) {
            for (int a = 0; a < continuous.width(); a++) {
                row.append(',').append(continuous.value(t, a));
            }
        } else {
            row.append(',').append(((DiscreteActions) actions).id(t));
        }
    }

    private static void appendOutcome(Outcome outcome, StringBuilder row) {
        row.append(',');
        if (outcome != null) {
            row.append(outcome.event() ? '1' : '0');
        }
        row.append(',');
        if (outcome != null && !Double.isNaN(outcome.days())) {
            row.append(outcome.days());
        }
    }
}
