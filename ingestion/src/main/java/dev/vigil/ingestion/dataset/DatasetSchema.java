package dev.vigil.ingestion.dataset;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a dataset's numbers mean, stated explicitly.
 *
 * @param name a label for people, e.g. {@code icu-sepsis-2024-03}
 * @param stateType continuous feature vectors or discrete state ids (with their number)
 * @param features for continuous states: the features in column order; empty for discrete states
 * @param actionType continuous action vectors or discrete action ids (with their number)
 * @param actions for continuous actions: the actions in column order; empty for discrete actions
 * @param hasRewards whether every step carries a reward
 * @param hasCosts whether every step carries a (non-negative) safety cost
 * @param cohortSpecId the cohort specification the dataset was built with, or "" (e.g. imported from CSV)
 * @param cohortSpecVersion that specification's version, or ""
 * @param blocLength the time one step spans, or {@link Duration#ZERO} when unknown
 */
public record DatasetSchema(String name, SpaceType stateType, List<Variable> features, SpaceType actionType,
        List<Variable> actions, boolean hasRewards, boolean hasCosts, String cohortSpecId, String cohortSpecVersion,
        Duration blocLength) {

    /** Column names of the dataset CSV that no variable may take. */
    static final Set<String> RESERVED = Set.of("episode", "step", "state", "action", "reward", "cost", "done",
            "outcome_event", "outcome_days");

    public DatasetSchema {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A dataset needs a name");
        }
        if (stateType == null || actionType == null) {
            throw new IllegalArgumentException("A dataset schema states its state and action types explicitly");
        }
        features = features == null ? List.of() : List.copyOf(features);
        actions = actions == null ? List.of() : List.copyOf(actions);
        requireVariables(stateType, features, "state", "features");
        requireVariables(actionType, actions, "action", "actions");
        Set<String> names = new HashSet<>();
        for (Variable variable : features) {
            requireNew(names, variable.name());
        }
        for (Variable variable : actions) {
            requireNew(names, variable.name());
        }
        cohortSpecId = cohortSpecId == null ? "" : cohortSpecId;
        cohortSpecVersion = cohortSpecVersion == null ? "" : cohortSpecVersion;
        blocLength = blocLength == null ? Duration.ZERO : blocLength;
        if (blocLength.isNegative()) {
            throw new IllegalArgumentException("blocLength must not be negative, got " + blocLength);
        }
    }

    /** Number of state columns: features for continuous states, 1 (the id) for discrete ones. */
    public int stateWidth() {
        return stateType.isDiscrete() ? 1 : features.size();
    }

    /** Number of action columns: actions for continuous actions, 1 (the id) for discrete ones. */
    public int actionWidth() {
        return actionType.isDiscrete() ? 1 : actions.size();
    }

    private static void requireVariables(SpaceType type, List<Variable> variables, String what, String field) {
        if (type.isDiscrete() && !variables.isEmpty()) {
            throw new IllegalArgumentException("Discrete " + what + "s are ids: leave " + field + " empty");
        }
        if (!type.isDiscrete() && variables.isEmpty()) {
            throw new IllegalArgumentException("Continuous " + what + "s need at least one variable in " + field);
        }
    }

    private static void requireNew(Set<String> names, String name) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a column of the dataset CSV itself; rename the variable");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("The variable name '" + name + "' is used twice; names must be unique "
                    + "across features and actions");
        }
        if (names.contains(name + "_missing") || (name.endsWith("_missing")
                && names.contains(name.substring(0, name.length() - "_missing".length())))) {
            throw new IllegalArgumentException("'" + name + "' clashes with a missingness column name; rename it");
        }
    }
}
