package dev.vigil.ingestion.dataset;

/**
 * What a CSV file holds, stated by the person importing it: the reader checks the file against these
 * types and never infers them.
 *
 * @param stateType continuous (feature columns, each with a {@code _missing} column) or discrete (a
 *     {@code state} column of ids below the given size)
 * @param actionType continuous (action columns) or discrete (an {@code action} column of ids below the size)
 * @param name the imported dataset's name
 */
public record CsvImportOptions(SpaceType stateType, SpaceType actionType, String name) {

    public CsvImportOptions {
        if (stateType == null || actionType == null) {
            throw new IllegalArgumentException("Say what the CSV holds: give the state type and the action type "
                    + "(SpaceType.continuous() or SpaceType.discrete(n))");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the imported dataset a name");
        }
    }

    /** Continuous states and actions. */
    public static CsvImportOptions continuous(String name) {
        return new CsvImportOptions(SpaceType.continuous(), SpaceType.continuous(), name);
    }

    /** Discrete states and actions (a tabular MDP's data). */
    public static CsvImportOptions tabular(int states, int actions, String name) {
        return new CsvImportOptions(SpaceType.discrete(states), SpaceType.discrete(actions), name);
    }
}
