package dev.vigil.ingestion.dataset;

import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports a dataset CSV ({@code docs/dataset-csv.md}) whose state and action types the caller states.
 *
 * <p>A header that does not fit the stated types fails the whole import. A bad row rejects its episode
 * only: the result keeps the good episodes and lists each rejected one with the file, line and column of its
 * first problem. An import that keeps nothing is an error.
 */
public final class DatasetCsvReader {

    static final String UNITS_MARKER = "#units";
    static final String EPISODE_TYPE = "Episode";

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?(NaN|nan|Infinity|infinity|inf|Inf)");
    private static final Pattern ID = Pattern.compile("\\d{1,9}");

    private final String source;
    private final CsvImportOptions options;
    private CsvColumns columns;
    private List<String> header;
    private String[] units;
    private Boolean rewards;
    private Boolean costs;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<IngestionIssue> issues = new ArrayList<>();
    private final Map<String, Integer> finished = new HashMap<>();
    private EpisodeRows current;

    private DatasetCsvReader(String source, CsvImportOptions options) {
        this.source = source;
        this.options = options;
    }

    /** Imports {@code file} (UTF-8). */
    public static CsvImportResult read(Path file, CsvImportOptions options) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), options);
        }
    }

    /**
     * Imports CSV text.
     *
     * @param source names the input in messages, e.g. the file
     * @throws DatasetFormatException when the header does not fit the stated types, or no episode is valid
     */
    public static CsvImportResult read(Reader in, String source, CsvImportOptions options) throws IOException {
        return new DatasetCsvReader(source, options).run(new BufferedReader(in));
    }

    private CsvImportResult run(BufferedReader in) throws IOException {
        int lineNumber = 0;
        boolean unitsAllowed = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            if (columns == null) {
                if (!line.startsWith("#")) {
                    columns = CsvHeader.parse(line, lineNumber, options, source);
                    header = columns.header();
                    unitsAllowed = true;
                }
                continue;
            }
            if (line.startsWith(UNITS_MARKER + ",") && unitsAllowed) {
                readUnits(line, lineNumber);
                unitsAllowed = false;
                continue;
            }
            unitsAllowed = false;
            if (!line.startsWith("#")) {
                readRow(line.split(",", -1), lineNumber);
            }
        }
        if (columns == null) {
            throw new DatasetFormatException(source + ": the file has no header line; the first line names the "
                    + "columns (see docs/dataset-csv.md)");
        }
        finishCurrent();
        if (episodes.isEmpty()) {
            throw new DatasetFormatException(source + ": no valid episode" + (issues.isEmpty()
                    ? " (the file has no data rows)"
                    : "; " + issues.size() + " rejected, the first: " + issues.get(0).message()));
        }
        return new CsvImportResult(new TrajectoryDataset(schema(), episodes), issues);
    }

    private DatasetSchema schema() {
        List<Variable> features = new ArrayList<>();
        for (int f = 0; f < columns.features().size(); f++) {
            features.add(new Variable(columns.features().get(f), unitOf(columns.firstState() + f)));
        }
        List<Variable> actions = new ArrayList<>();
        for (int a = 0; a < columns.actions().size(); a++) {
            actions.add(new Variable(columns.actions().get(a), unitOf(columns.firstAction() + a)));
        }
        return new DatasetSchema(options.name(), options.stateType(), features, options.actionType(), actions,
                Boolean.TRUE.equals(rewards), Boolean.TRUE.equals(costs), "", "", null);
    }

    private String unitOf(int column) {
        return units == null ? "" : units[column];
    }

    private void readUnits(String line, int lineNumber) {
        String[] cells = line.split(",", -1);
        if (cells.length != header.size()) {
            throw new DatasetFormatException(source + " line " + lineNumber + ", column 1: the #units line has "
                    + cells.length + " cells, the header " + header.size());
        }
        units = cells;
    }

    // ---------------------------------------------------------------- rows

    private void readRow(String[] cells, int line) {
        String id = cells[0];
        if (current == null || !current.id.equals(id)) {
            finishCurrent();
            current = new EpisodeRows(id, line);
            Integer firstLine = finished.get(id);
            if (id.isEmpty()) {
                current.reject(IssueKind.MISSING_VALUE, line, 1, "the episode id is empty");
            } else if (firstLine != null) {
                current.reject(IssueKind.DUPLICATE_ID, line, 1, "episode " + id + " appears again (it started at line "
                        + firstLine + "); keep each episode's rows together and episode ids unique");
            }
        }
        current.lastLine = line;
        if (current.issue != null) {
            return;
        }
        if (current.done) {
            current.reject(IssueKind.OUT_OF_ORDER_TIME, line, columns.done() + 1, "episode " + id + " continues after "
                    + "the step marked done=1; only its last step is done");
            return;
        }
        if (cells.length != header.size()) {
            current.reject(IssueKind.MALFORMED, line, Math.min(cells.length, header.size()) + 1, "the row has "
                    + cells.length + " cells, the header " + header.size() + " (commas inside values are not allowed)");
            return;
        }
        try {
            current.add(cells, line);
        } catch (CellException e) {
            current.reject(e.kind, line, e.column + 1, "column '" + header.get(e.column) + "': " + e.getMessage());
        }
    }

    private void finishCurrent() {
        EpisodeRows rows = current;
        current = null;
        if (rows == null) {
            return;
        }
        if (!rows.id.isEmpty()) {
            finished.putIfAbsent(rows.id, rows.firstLine);
        }
        if (rows.issue == null && !rows.done) {
            rows.reject(IssueKind.MISSING_VALUE, rows.lastLine, columns.done() + 1, "episode " + rows.id
                    + " has no done=1 on its last step; mark the last step of every episode done=1");
        }
        if (rows.issue == null) {
            try {
                episodes.add(rows.toEpisode());
            } catch (IllegalArgumentException e) {
                rows.reject(IssueKind.MALFORMED, rows.firstLine, 1, e.getMessage());
            }
        }
        if (rows.issue != null) {
            issues.add(rows.issue);
        }
    }

    /** A cell that cannot be used; the message never repeats the cell's text (it may be patient data). */
    private static final class CellException extends Exception {
        final IssueKind kind;
        final int column;

        CellException(IssueKind kind, int column, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.column = column;
        }
    }

    /** The rows of one episode as they are read. */
    private final class EpisodeRows {
        final String id;
        final int firstLine;
        int lastLine;
        boolean done;
        IngestionIssue issue;
        final List<double[]> values = new ArrayList<>();
        final List<boolean[]> missing = new ArrayList<>();
        final List<double[]> actionValues = new ArrayList<>();
        final List<Integer> stateIds = new ArrayList<>();
        final List<Integer> actionIds = new ArrayList<>();
        final List<Double> rewardValues = new ArrayList<>();
        final List<Double> costValues = new ArrayList<>();
        String outcomeEvent;
        String outcomeDays;

        EpisodeRows(String id, int firstLine) {
            this.id = id;
            this.firstLine = firstLine;
            this.lastLine = firstLine;
        }

        void reject(IssueKind kind, int line, int column, String message) {
            if (issue == null) {
                issue = new IngestionIssue(kind, new ResourceOrigin(source, line, EPISODE_TYPE,
                        id.isEmpty() ? null : id), source + " line " + line + ", column " + column + ": " + message
                        + "; episode " + (id.isEmpty() ? "(no id)" : id) + " was not imported");
            }
        }

        void add(String[] cells, int line) throws CellException {
            int step = values.size() + stateIds.size();
            if (!cells[1].equals(Integer.toString(step))) {
                if (!ID.matcher(cells[1]).matches()) {
                    throw new CellException(IssueKind.MALFORMED, 1, "the step is not a non-negative integer");
                }
                throw new CellException(IssueKind.OUT_OF_ORDER_TIME, 1, "step " + cells[1] + " where step " + step
                        + " was expected; the steps of an episode are 0, 1, 2, ... in order, without gaps");
            }
            if (options.stateType().isDiscrete()) {
                stateIds.add(id(cells, columns.firstState(), options.stateType().size(), "state"));
            } else {
                int width = columns.features().size();
                double[] row = new double[width];
                boolean[] flags = new boolean[width];
                for (int f = 0; f < width; f++) {
                    flags[f] = flag(cells, columns.firstMissing() + f);
                    String cell = cells[columns.firstState() + f];
                    if (cell.isEmpty()) {
                        if (!flags[f]) {
                            throw new CellException(IssueKind.MISSING_VALUE, columns.firstState() + f, "the value is "
                                    + "empty but " + columns.features().get(f) + "_missing is 0; set it to 1 for a "
                                    + "missing value");
                        }
                        row[f] = Double.NaN;
                    } else {
                        row[f] = number(cells, columns.firstState() + f);
                    }
                }
                values.add(row);
                missing.add(flags);
            }
            if (options.actionType().isDiscrete()) {
                actionIds.add(id(cells, columns.firstAction(), options.actionType().size(), "action"));
            } else {
                double[] row = new double[columns.actions().size()];
                for (int a = 0; a < row.length; a++) {
                    row[a] = number(cells, columns.firstAction() + a);
                }
                actionValues.add(row);
            }
            Double reward = optionalNumber(cells, columns.reward(), rewards, "reward");
            rewards = reward != null;
            if (reward != null) {
                rewardValues.add(reward);
            }
            if (columns.cost()) {
                Double cost = optionalNumber(cells, columns.costColumn(), costs, "cost");
                costs = cost != null;
                if (cost != null) {
                    if (cost < 0) {
                        throw new CellException(IssueKind.MALFORMED, columns.costColumn(), "the cost is negative; "
                                + "costs are non-negative (a violated rule costs its weight)");
                    }
                    costValues.add(cost);
                }
            }
            done = flag(cells, columns.done());
            if (columns.outcome()) {
                readOutcome(cells);
            }
        }

        private void readOutcome(String[] cells) throws CellException {
            int eventColumn = columns.outcomeEvent();
            String event = cells[eventColumn];
            String days = cells[eventColumn + 1];
            if (outcomeEvent == null) {
                if (!event.isEmpty()) {
                    flag(cells, eventColumn);
                    if (!days.isEmpty()) {
                        number(cells, eventColumn + 1);
                    }
                } else if (!days.isEmpty()) {
                    throw new CellException(IssueKind.MISSING_VALUE, eventColumn, "outcome_days is given without "
                            + "outcome_event");
                }
                outcomeEvent = event;
                outcomeDays = days;
            } else if (!outcomeEvent.equals(event) || !outcomeDays.equals(days)) {
                throw new CellException(IssueKind.MALFORMED, outcomeEvent.equals(event) ? eventColumn + 1
                        : eventColumn, "the outcome differs from the episode's first row; an episode has one outcome");
            }
        }

        Episode toEpisode() {
            States states = options.stateType().isDiscrete()
                    ? new DiscreteStates(stateIds.stream().mapToInt(Integer::intValue).toArray())
                    : new ContinuousStates(values.toArray(double[][]::new), missing.toArray(boolean[][]::new));
            Actions actions = options.actionType().isDiscrete()
                    ? new DiscreteActions(actionIds.stream().mapToInt(Integer::intValue).toArray())
                    : new ContinuousActions(actionValues.toArray(double[][]::new));
            double[] rewardArray = Boolean.TRUE.equals(rewards)
                    ? rewardValues.stream().mapToDouble(Double::doubleValue).toArray() : null;
            double[] costArray = Boolean.TRUE.equals(costs)
                    ? costValues.stream().mapToDouble(Double::doubleValue).toArray() : null;
            Outcome outcome = outcomeEvent == null || outcomeEvent.isEmpty() ? null
                    : new Outcome(outcomeEvent.equals("1"), outcomeDays.isEmpty() ? Double.NaN
                            : Double.parseDouble(outcomeDays));
            return new Episode(id, states, actions, rewardArray, costArray, outcome, null, List.of());
        }

        private int id(String[] cells, int column, int size, String what) throws CellException {
            String cell = cells[column];
            if (cell.isEmpty()) {
                throw new CellException(IssueKind.MISSING_VALUE, column, "the " + what + " id is empty");
            }
            if (!ID.matcher(cell).matches()) {
                throw new CellException(IssueKind.MALFORMED, column, "the " + what + " is not a non-negative integer "
                        + "(discrete " + what + "s are ids 0.." + (size - 1) + ")");
            }
            int value = Integer.parseInt(cell);
            if (value >= size) {
                throw new CellException(IssueKind.MALFORMED, column, "the " + what + " id is not below " + size
                        + ", the number of " + what + "s stated for this import");
            }
            return value;
        }

        private boolean flag(String[] cells, int column) throws CellException {
            String cell = cells[column];
            if (cell.equals("0")) {
                return false;
            }
            if (cell.equals("1")) {
                return true;
            }
            throw new CellException(cell.isEmpty() ? IssueKind.MISSING_VALUE : IssueKind.MALFORMED, column,
                    "expected 0 or 1");
        }

        private double number(String[] cells, int column) throws CellException {
            String cell = cells[column];
            if (cell.isEmpty()) {
                throw new CellException(IssueKind.MISSING_VALUE, column, "the value is empty");
            }
            if (NOT_FINITE.matcher(cell).matches()) {
                throw new CellException(IssueKind.MALFORMED, column, "the value is NaN or infinite; values are finite "
                        + "decimal numbers");
            }
            if (!DECIMAL.matcher(cell).matches()) {
                throw new CellException(IssueKind.MALFORMED, column, "the value is not a decimal number (write e.g. "
                        + "97.5 or 1.2E-3)");
            }
            double value = Double.parseDouble(cell);
            if (!Double.isFinite(value)) {
                throw new CellException(IssueKind.MALFORMED, column, "the value is too large to be a finite number");
            }
            return value;
        }

        /** A reward or cost: present on every row of the file or on none, as the first data row decides. */
        private Double optionalNumber(String[] cells, int column, Boolean present, String what) throws CellException {
            boolean empty = cells[column].isEmpty();
            if (present != null && present == empty) {
                throw new CellException(IssueKind.MISSING_VALUE, column, empty
                        ? "the " + what + " is empty but earlier rows have one; give every step a " + what + " or none"
                        : "earlier rows have no " + what + "; give every step a " + what + " or none");
            }
            return empty ? null : number(cells, column);
        }
    }
}
