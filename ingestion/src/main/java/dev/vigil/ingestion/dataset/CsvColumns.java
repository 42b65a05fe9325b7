package dev.vigil.ingestion.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The column layout of the dataset CSV ({@code docs/dataset-csv.md}):
 * {@code episode,step,<state>,<actions>,reward[,cost],done[,outcome_event,outcome_days]} where {@code <state>}
 * is {@code state} (discrete) or the features followed by one {@code <feature>_missing} each (continuous),
 * and {@code <actions>} is {@code action} (discrete) or the actions (continuous).
 *
 * @param features feature names (continuous states), else empty
 * @param actions action names (continuous actions), else empty
 */
record CsvColumns(SpaceType stateType, List<String> features, SpaceType actionType, List<String> actions,
        boolean cost, boolean outcome) {

    static final String MISSING = "_missing";

    CsvColumns {
        features = List.copyOf(features);
        actions = List.copyOf(actions);
    }

    /** The header cells. */
    List<String> header() {
        List<String> header = new ArrayList<>(List.of("episode", "step"));
        if (stateType.isDiscrete()) {
            header.add("state");
        } else {
            header.addAll(features);
            features.forEach(f -> header.add(f + MISSING));
        }
        if (actionType.isDiscrete()) {
            header.add("action");
        } else {
            header.addAll(actions);
        }
        header.add("reward");
        if (cost) {
            header.add("cost");
        }
        header.add("done");
        if (outcome) {
            header.add("outcome_event");
            header.add("outcome_days");
        }
        return header;
    }

    int firstState() {
        return 2;
    }

    int firstMissing() {
        return 2 + features.size();
    }

    int firstAction() {
        return stateType.isDiscrete() ? 3 : 2 + 2 * features.size();
    }

    int reward() {
        return firstAction() + (actionType.isDiscrete() ? 1 : actions.size());
    }

    int costColumn() {
        return cost ? reward() + 1 : -1;
    }

    int done() {
        return reward() + (cost ? 2 : 1);
    }

    int outcomeEvent() {
        return outcome ? done() + 1 : -1;
    }

    int width() {
        return done() + (outcome ? 3 : 1);
    }
}
