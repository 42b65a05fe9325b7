package dev.vigil.ingestion.dataset;

import java.util.List;

/**
 * Reads the header line of a dataset CSV against the state and action types the importer stated. Any
 * mismatch fails the whole import, naming the line and column.
 */
final class CsvHeader {

    private final CsvImportOptions options;
    private final String source;

    private CsvHeader(CsvImportOptions options, String source) {
        this.options = options;
        this.source = source;
    }

    static CsvColumns parse(String line, int lineNumber, CsvImportOptions options, String source) {
        return new CsvHeader(options, source).read(line, lineNumber);
    }

    private CsvColumns read(String line, int lineNumber) {
        List<String> cells = List.of(line.split(",", -1));
        expect(cells, 0, "episode", lineNumber);
        expect(cells, 1, "step", lineNumber);
        int reward = cells.indexOf("reward");
        if (reward < 0) {
            throw headerError(lineNumber, cells.size() + 1, "there is no 'reward' column; the columns after the "
                    + "actions are reward, [cost,] done");
        }
        List<String> middle = cells.subList(2, reward);
        List<String> features = List.of();
        List<String> actions;
        if (options.stateType().isDiscrete()) {
            expect(cells, 2, "state", lineNumber);
            actions = middle.subList(1, middle.size());
        } else {
            int count = featureCount(middle);
            if (count == 0) {
                throw headerError(lineNumber, 3, "the states are continuous, so the columns after 'step' are the "
                        + "features followed by one <feature>_missing column each, in the same order");
            }
            features = middle.subList(0, count);
            actions = middle.subList(2 * count, middle.size());
        }
        int firstAction = reward - actions.size();
        if (options.actionType().isDiscrete()) {
            if (actions.size() != 1 || !actions.get(0).equals("action")) {
                throw headerError(lineNumber, firstAction + 1, "the actions are discrete, so one 'action' column comes "
                        + "before 'reward'");
            }
            actions = List.of();
        } else if (actions.isEmpty()) {
            throw headerError(lineNumber, reward + 1, "the actions are continuous, so at least one action column "
                    + "comes before 'reward'");
        } else {
            for (int i = 0; i < actions.size(); i++) {
                checkName(actions.get(i), lineNumber, firstAction + i + 1);
            }
        }
        for (int i = 0; i < features.size(); i++) {
            checkName(features.get(i), lineNumber, 3 + i);
        }
        int next = reward + 1;
        boolean cost = next < cells.size() && cells.get(next).equals("cost");
        if (cost) {
            next++;
        }
        expect(cells, next, "done", lineNumber);
        next++;
        boolean outcome = next < cells.size();
        if (outcome) {
            expect(cells, next, "outcome_event", lineNumber);
            expect(cells, next + 1, "outcome_days", lineNumber);
            if (cells.size() > next + 2) {
                throw headerError(lineNumber, next + 3, "unknown column '" + cells.get(next + 2) + "' after "
                        + "outcome_days, which is the last column");
            }
        }
        CsvColumns columns = new CsvColumns(options.stateType(), features, options.actionType(), actions, cost,
                outcome);
        List<String> header = columns.header();
        if (!header.equals(cells)) {
            for (int i = 0; i < Math.max(header.size(), cells.size()); i++) {
                if (i >= cells.size() || i >= header.size() || !header.get(i).equals(cells.get(i))) {
                    throw headerError(lineNumber, i + 1, "expected the columns " + String.join(",", header));
                }
            }
        }
        return columns;
    }

    /** The k such that the first k names are followed by their k missing columns; 0 when there is none. */
    private static int featureCount(List<String> middle) {
        for (int k = 1; 2 * k <= middle.size(); k++) {
            boolean fits = true;
            for (int i = 0; i < k && fits; i++) {
                fits = middle.get(k + i).equals(middle.get(i) + CsvColumns.MISSING);
            }
            if (fits) {
                return k;
            }
        }
        return 0;
    }

    private void expect(List<String> cells, int index, String name, int lineNumber) {
        if (index >= cells.size()) {
            throw headerError(lineNumber, index + 1, "the column '" + name + "' is missing");
        }
        if (!cells.get(index).equals(name)) {
            throw headerError(lineNumber, index + 1, "unknown column '" + cells.get(index) + "'; expected '" + name
                    + "' here (the layout is in docs/dataset-csv.md)");
        }
    }

    private void checkName(String name, int lineNumber, int column) {
        try {
            new Variable(name, "");
        } catch (IllegalArgumentException e) {
            throw headerError(lineNumber, column, e.getMessage());
        }
        if (DatasetSchema.RESERVED.contains(name)) {
            throw headerError(lineNumber, column, "'" + name + "' is not where the layout puts it; expected "
                    + (options.stateType().isDiscrete() ? "'state'" : "features and their _missing columns")
                    + ", then " + (options.actionType().isDiscrete() ? "'action'" : "the actions")
                    + ", then reward, [cost,] done");
        }
    }

    private DatasetFormatException headerError(int line, int column, String message) {
        return new DatasetFormatException(source + " line " + line + ", column " + column + ": " + message);
    }
}
