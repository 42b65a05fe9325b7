package dev.vigil.worldmodel.survival;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link SurvivalData} from a comma-separated file with a header row (names may be double-quoted, as R's
 * {@code write.csv} writes them). Every problem is an {@link IllegalArgumentException} whose message names the
 * file, the line (1-based, the header is line 1) and the column.
 *
 * <p>Without a column selection every column other than time and event whose first data row is numeric is a
 * covariate; other columns (identifiers, text) are left out and logged. A covariate that is constant is refused,
 * because its Cox coefficient is not identifiable and Newton-Raphson would meet a singular information matrix.
 */
public final class SurvivalCsv {

    private static final System.Logger LOG = System.getLogger(SurvivalCsv.class.getName());

    private SurvivalCsv() {}

    /** Reads with every other numeric column as a covariate. */
    public static SurvivalData read(Path file, String timeColumn, String eventColumn) {
        return read(file, timeColumn, eventColumn, null);
    }

    /**
     * Reads with the named covariate columns, in that order ({@code null} = every other numeric column).
     *
     * @throws IllegalArgumentException for unreadable or invalid content, naming file, line and column
     */
    public static SurvivalData read(Path file, String timeColumn, String eventColumn, List<String> covariates) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        String name = file.toString();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException(name + ": line 1: no header row");
        }
        List<String> header = split(lines.get(0));
        int timeIndex = columnIndex(name, header, timeColumn, "time column");
        int eventIndex = columnIndex(name, header, eventColumn, "event column");
        if (timeIndex == eventIndex) {
            throw new IllegalArgumentException(name + ": time and event are the same column '" + timeColumn + "'");
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(l));
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(name + ": line " + (l + 1) + ": " + cells.size()
                        + " fields, the header has "
                        + header.size());
            }
            rows.add(cells.toArray(String[]::new));
            lineNumbers.add(l + 1);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": no data rows after the header");
        }
        List<Integer> covariateIndices = new ArrayList<>();
        if (covariates == null) {
            for (int c = 0; c < header.size(); c++) {
                if (c == timeIndex || c == eventIndex) {
                    continue;
                }
                if (parse(rows.get(0)[c]) != null) {
                    covariateIndices.add(c);
                } else {
                    LOG.log(System.Logger.Level.INFO, "{0}: column ''{1}'' is not numeric on line {2}; not a covariate",
                            name, header.get(c), lineNumbers.get(0));
                }
            }
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (String covariate : covariates) {
                int c = columnIndex(name, header, covariate, "covariate");
                if (c == timeIndex || c == eventIndex || !seen.add(covariate)) {
                    throw new IllegalArgumentException(name + ": covariate '" + covariate
                            + "' is the time or event column or is listed twice");
                }
                covariateIndices.add(c);
            }
        }
        int n = rows.size();
        int p = covariateIndices.size();
        double[] times = new double[n];
        int[] events = new int[n];
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            int line = lineNumbers.get(i);
            times[i] = number(name, line, header.get(timeIndex), row[timeIndex]);
            if (times[i] < 0) {
                throw new IllegalArgumentException(name + ": line " + line + ", column '" + header.get(timeIndex)
                        + "': negative time " + row[timeIndex]);
            }
            double event = number(name, line, header.get(eventIndex), row[eventIndex]);
            if (event != 0 && event != 1) {
                throw new IllegalArgumentException(name + ": line " + line + ", column '" + header.get(eventIndex)
                        + "': event must be 0 (censored) or 1 (event), got " + row[eventIndex]);
            }
            events[i] = (int) event;
            for (int j = 0; j < p; j++) {
                int c = covariateIndices.get(j);
                x[i][j] = number(name, line, header.get(c), row[c]);
            }
        }
        List<String> names = covariateIndices.stream().map(header::get).toList();
        for (int j = 0; j < p; j++) {
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) {
                constant = x[i][j] == x[0][j];
            }
            if (constant) {
                throw new IllegalArgumentException(name + ": column '" + names.get(j) + "' has the same value "
                        + x[0][j]
                        + " on all " + n + " rows; a constant covariate has no estimable effect: leave it out");
            }
        }
        if (n <= p) {
            throw new IllegalArgumentException(name + ": " + n + " rows for " + p + " covariates " + names
                    + "; a Cox fit needs more rows than covariates");
        }
        return new SurvivalData(times, events, x, names, file.getFileName().toString());
    }

    private static int columnIndex(String file, List<String> header, String column, String role) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": unknown " + role + " '" + column + "'; the columns are "
                    + header);
        }
        return index;
    }

    private static double number(String file, int line, String column, String cell) {
        if (cell.isEmpty() || cell.equals("NA") || cell.equalsIgnoreCase("nan")) {
            throw new IllegalArgumentException(file + ": line " + line + ", column '" + column + "': missing value"
                    + (cell.isEmpty() ? "" : " '" + cell + "'") + "; remove incomplete rows first");
        }
        Double value = parse(cell);
        if (value == null) {
            throw new IllegalArgumentException(file + ": line " + line + ", column '" + column + "': '" + cell
                    + "' is not a number");
        }
        return value;
    }

    private static Double parse(String cell) {
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Splits on commas; strips surrounding whitespace and double quotes (no embedded commas in quotes). */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        for (String raw : line.split(",", -1)) {
            String cell = raw.strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1);
            }
            cells.add(cell);
        }
        return cells;
    }
}
