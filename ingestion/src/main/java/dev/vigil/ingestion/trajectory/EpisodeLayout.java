package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.DerivedFeatureSpec;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.cohort.StaticFeatureSpec;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a cohort's episodes: the state is the features, then the derived features, then the static
 * features, each in the order the specification lists them; the actions are the specification's actions.
 */
public final class EpisodeLayout {

    private final CohortSpec spec;

    public EpisodeLayout(CohortSpec spec) {
        this.spec = spec;
    }

    /** Number of state columns. */
    public int stateWidth() {
        return spec.features().size() + spec.derived().size() + spec.staticFeatures().size();
    }

    /** The first derived column. */
    int firstDerived() {
        return spec.features().size();
    }

    /** The first static column. */
    int firstStatic() {
        return spec.features().size() + spec.derived().size();
    }

    /** The dataset schema of this cohort: continuous states and actions, no rewards or costs. */
    public DatasetSchema schema(String datasetName) {
        List<Variable> state = new ArrayList<>();
        for (FeatureSpec feature : spec.features()) {
            state.add(new Variable(feature.name(), feature.unit()));
        }
        for (DerivedFeatureSpec derived : spec.derived()) {
            state.add(new Variable(derived.name(), derived.unit()));
        }
        for (StaticFeatureSpec feature : spec.staticFeatures()) {
            state.add(new Variable(feature.name(), feature.kind().unit()));
        }
        List<Variable> actions = new ArrayList<>();
        for (ActionSpec action : spec.actions()) {
            actions.add(new Variable(action.name(), action.unit()));
        }
        return new DatasetSchema(datasetName, SpaceType.continuous(), state, SpaceType.continuous(), actions, false,
                false, spec.id(), spec.version(), spec.blocLength());
    }
}
