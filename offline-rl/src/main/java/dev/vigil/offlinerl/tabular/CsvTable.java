package dev.vigil.offlinerl.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One small numeric CSV table: a header naming the columns, then rows of plain numbers (no quoting, since
 * the tables hold only ids and probabilities). Blank lines are skipped.
 */
final class CsvTable {

    /** One data row with its 1-based line number. */
    record Row(int line, String[] cells) {
    }

    private final String file;
    private final List<String> columns;
    private final List<Row> rows;

    private CsvTable(String file, List<String> columns, List<Row> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * @param required columns that must be present, in this order
     * @param optional a column that may follow them, or null
     */
    static CsvTable read(Path path, List<String> required, String optional) throws IOException {
        String file = path.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new MdpFormatException(file, 0, "", "the file is empty; it needs the header "
                        + String.join(",", required));
            }
            List<String> columns = new ArrayList<>();
            for (String c : header.replace("\uFEFF", "").split(",", -1)) {
                columns.add(c.trim());
            }
            List<String> withOptional = new ArrayList<>(required);
            if (optional != null) {
                withOptional.add(optional);
            }
            if (!columns.equals(required) && !columns.equals(withOptional)) {
                throw new MdpFormatException(file, 1, "", "the header is '" + header + "'; it must be '"
                        + String.join(",", required) + "'" + (optional == null ? "" : " or '"
                        + String.join(",", withOptional) + "'"));
            }
            List<Row> rows = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns.size()) {
                    throw new MdpFormatException(file, lineNumber, "", "has " + cells.length + " fields; the header has "
                            + columns.size());
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                rows.add(new Row(lineNumber, cells));
            }
            return new CsvTable(file, List.copyOf(columns), rows);
        }
    }

    String file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    boolean has(String column) {
        return columns.contains(column);
    }

    /** A non-negative integer id. */
    int id(Row row, String column) {
        String cell = cell(row, column);
        try {
            int value = Integer.parseInt(cell);
            if (value < 0) {
                throw new MdpFormatException(file, row.line(), column, "'" + cell + "' is negative; ids start at 0");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MdpFormatException(file, row.line(), column, "'" + cell + "' is not a whole number");
        }
    }

    /** A finite number. */
    double number(Row row, String column) {
        String cell = cell(row, column);
        try {
            double value = Double.parseDouble(cell);
            if (!Double.isFinite(value)) {
                throw new MdpFormatException(file, row.line(), column, "'" + cell + "' is not finite");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MdpFormatException(file, row.line(), column, "'" + cell + "' is not a number");
        }
    }

    /** Whether the cell is empty (only meaningful for an optional column). */
    boolean isEmpty(Row row, String column) {
        return cell(row, column).isEmpty();
    }

    MdpFormatException error(Row row, String column, String problem) {
        return new MdpFormatException(file, row.line(), column, problem);
    }

    private String cell(Row row, String column) {
        String cell = row.cells()[columns.indexOf(column)];
        if (cell.isEmpty() && !column.equals("next_state")) {
            throw new MdpFormatException(file, row.line(), column, "is empty");
        }
        return cell;
    }
}
