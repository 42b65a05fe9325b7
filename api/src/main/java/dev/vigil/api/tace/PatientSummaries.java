package dev.vigil.api.tace;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The covariates shown when a clinician chooses a patient, read from the dataset's states (no images are
 * opened): the last non-missing value up to the bloc of the first TACE.
 */
final class PatientSummaries {

    private static final String[] CHILD_PUGH = {null, "A", "B", "C"};
    private static final String[] BCLC = {"0", "A", "B", "C", "D"};

    private PatientSummaries() {
    }

    static List<TaceViews.PatientView> of(TrajectoryDataset data, Predicate<String> planned) {
        List<String> features = data.schema().features().stream().map(Variable::name).toList();
        return data.episodes().stream().filter(PatientSummaries::hasPreImages)
                .map(e -> new TaceViews.PatientView(e.id(), value(e, features, "age"),
                        category(value(e, features, "child_pugh_class"), CHILD_PUGH),
                        category(value(e, features, "bclc_stage"), BCLC), value(e, features, "bilirubin"),
                        value(e, features, "afp"), planned.test(e.id())))
                .toList();
    }

    static boolean hasPreImages(Episode episode) {
        Set<String> names = Set.copyOf(episode.imaging().stream()
                .map(link -> link.url().substring(link.url().lastIndexOf('/') + 1)).toList());
        return names.stream().anyMatch(n -> n.startsWith("pre_ct.")) && names.stream()
                .anyMatch(n -> n.startsWith("pre_mask."));
    }

    private static Double value(Episode episode, List<String> features, String name) {
        int column = features.indexOf(name);
        if (column < 0 || !(episode.states() instanceof ContinuousStates states)) {
            return null;
        }
        int last = Math.min(taceStep(episode), states.steps() - 1);
        Double found = null;
        for (int t = 0; t <= last; t++) {
            if (!states.isMissing(t, column) && Double.isFinite(states.value(t, column))) {
                found = states.value(t, column);
            }
        }
        return found;
    }

    private static int taceStep(Episode episode) {
        if (episode.actions() instanceof ContinuousActions actions) {
            for (int t = 0; t < actions.steps(); t++) {
                for (int a = 0; a < actions.width(); a++) {
                    if (actions.value(t, a) > 0.5) {
                        return t;
                    }
                }
            }
        }
        return 0;
    }

    /** The cohort specification's category codes index the labels: Child-Pugh A = 1, BCLC 0 = 0. */
    private static String category(Double code, String[] labels) {
        if (code == null) {
            return null;
        }
        int index = (int) Math.round(code);
        return index >= 0 && index < labels.length ? labels[index] : null;
    }
}
