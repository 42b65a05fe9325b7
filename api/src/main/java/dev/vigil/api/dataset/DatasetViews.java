package dev.vigil.api.dataset;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.report.IngestionReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the dataset API, made from records and datasets (never the entities themselves). */
public final class DatasetViews {

    private DatasetViews() {
    }

    /** A dataset as listed. */
    public record Summary(String id, String name, String sha256, String cohortId, String cohortVersion,
            String stateType, String actionType, int episodes, int steps, List<String> featureNames,
            List<String> actionNames, long errorCount, long informationalCount, Instant createdAt, String createdBy,
            String source) {

        static Summary of(DatasetRecord r) {
            return new Summary(r.getId(), r.getName(), r.getContentSha256(), r.getCohortId(), r.getCohortVersion(),
                    r.getStateType(), r.getActionType(), r.getEpisodes(), r.getSteps(), r.getFeatureNames(),
                    r.getActionNames(), r.getErrorCount(), r.getInformationalCount(), r.getCreatedAt(),
                    r.getCreatedBy(), r.getSource());
        }
    }

    /** A dataset with its units and its ingestion report. */
    public record Detail(String id, String name, String sha256, String cohortId, String cohortVersion,
            String stateType, String actionType, int episodes, int steps, List<String> featureNames,
            List<String> featureUnits, List<String> actionNames, List<String> actionUnits, Long blocLengthMinutes,
            long errorCount, long informationalCount, Instant createdAt, String createdBy, String source,
            Report report) {

        static Detail of(DatasetRecord r, TrajectoryDataset dataset, IngestionReport report) {
            var schema = dataset.schema();
            return new Detail(r.getId(), r.getName(), r.getContentSha256(), r.getCohortId(), r.getCohortVersion(),
                    r.getStateType(), r.getActionType(), r.getEpisodes(), r.getSteps(), names(schema.features()),
                    units(schema.features()), names(schema.actions()), units(schema.actions()),
                    schema.blocLength() == null ? null : schema.blocLength().toMinutes(), r.getErrorCount(),
                    r.getInformationalCount(), r.getCreatedAt(), r.getCreatedBy(), r.getSource(),
                    report == null ? null : Report.of(report));
        }
    }

    /** An ingestion report in the API's shape. */
    public record Report(List<String> sources, String startedAt, String finishedAt, Map<String, Long> resourcesByType,
            Map<String, Long> issuesByKind, Map<String, List<Example>> examples, List<String> skippedFiles,
            long errorCount, long informationalCount) {

        /** One example of an issue. */
        public record Example(String origin, String message) {
        }

        public static Report of(IngestionReport report) {
            Map<String, Long> issues = new LinkedHashMap<>();
            report.issueCounts().forEach((kind, count) -> issues.put(kind.name(), count));
            Map<String, List<Example>> examples = new LinkedHashMap<>();
            report.examples().forEach((kind, list) -> examples.put(kind.name(),
                    list.stream().map(e -> new Example(e.origin(), e.message())).toList()));
            List<String> skipped = report.skippedFiles().stream().map(s -> s.file() + " (" + s.reason() + ")").toList();
            return new Report(report.sources(), report.startedAt(), report.finishedAt(), report.resourcesRead(), issues,
                    examples, skipped, report.errorCount(), report.totalIssues() - report.errorCount());
        }
    }

    /** One page of a dataset's episodes. */
    public record EpisodePage(int total, List<EpisodeSummary> items) {
    }

    /** An episode as listed. */
    public record EpisodeSummary(String episodeId, int steps, Boolean died) {

        public static EpisodeSummary of(Episode e) {
            return new EpisodeSummary(e.id(), e.steps(), e.outcome() == null ? null : e.outcome().event());
        }
    }

    /** Everything the patient timeline draws. Missing values are null; imputed ones carry their held value. */
    public record Timeline(String episodeId, Instant anchorTime, String anchorLabel, Long blocLengthMinutes,
            List<String> featureNames, List<String> featureUnits, List<String> actionNames, List<String> actionUnits,
            List<Step> steps, Outcome outcome) {
    }

    /** One step of the timeline. */
    public record Step(int index, Instant start, List<Double> features, List<Boolean> missing, List<Double> actions) {
    }

    /** What happened to the patient. */
    public record Outcome(Boolean died, Instant deathTime, String label) {
    }

    public static Timeline timeline(TrajectoryDataset dataset, Episode episode, String anchorLabel) {
        var schema = dataset.schema();
        var provenance = episode.provenance();
        Long blocMinutes = schema.blocLength() == null ? null : schema.blocLength().toMinutes();
        List<Step> steps = new ArrayList<>();
        for (int t = 0; t < episode.steps(); t++) {
            Instant start = provenance == null || provenance.start() == null || schema.blocLength() == null ? null
                    : provenance.start().plus(schema.blocLength().multipliedBy(t));
            steps.add(new Step(t, start, stateValues(episode, t), missingFlags(episode, t), actionValues(episode, t)));
        }
        List<String> featureNames = schema.stateType().isDiscrete() ? List.of("state") : names(schema.features());
        List<String> featureUnits = schema.stateType().isDiscrete() ? List.of("") : units(schema.features());
        List<String> actionNames = schema.actionType().isDiscrete() ? List.of("action") : names(schema.actions());
        List<String> actionUnits = schema.actionType().isDiscrete() ? List.of("") : units(schema.actions());
        Instant anchor = provenance == null ? null : provenance.anchor();
        return new Timeline(episode.id(), anchor, anchor == null ? null : anchorLabel, blocMinutes, featureNames,
                featureUnits, actionNames, actionUnits, steps, outcome(episode, anchor));
    }

    private static Outcome outcome(Episode episode, Instant anchor) {
        var outcome = episode.outcome();
        if (outcome == null) {
            return new Outcome(null, null, "Outcome unknown");
        }
        Instant when = null;
        if (outcome.event() && anchor != null && !Double.isNaN(outcome.days())) {
            when = anchor.plusSeconds(Math.round(outcome.days() * 86_400));
        }
        String label = outcome.event()
                ? (when == null ? "Died" : "Died " + when.toString().substring(0, 10))
                : (Double.isNaN(outcome.days()) ? "Survived" : String.format(java.util.Locale.ROOT,
                        "Alive at %.0f days", outcome.days()));
        return new Outcome(outcome.event(), when, label);
    }

    private static List<Double> stateValues(Episode episode, int t) {
        if (episode.states() instanceof DiscreteStates discrete) {
            return List.of((double) discrete.id(t));
        }
        ContinuousStates states = (ContinuousStates) episode.states();
        List<Double> values = new ArrayList<>(states.width());
        for (int f = 0; f < states.width(); f++) {
            double v = states.value(t, f);
            values.add(Double.isNaN(v) ? null : v);
        }
        return values;
    }

    private static List<Boolean> missingFlags(Episode episode, int t) {
        if (episode.states() instanceof DiscreteStates) {
            return List.of(false);
        }
        ContinuousStates states = (ContinuousStates) episode.states();
        List<Boolean> flags = new ArrayList<>(states.width());
        for (int f = 0; f < states.width(); f++) {
            flags.add(states.isMissing(t, f));
        }
        return flags;
    }

    private static List<Double> actionValues(Episode episode, int t) {
        if (episode.actions() instanceof DiscreteActions discrete) {
            return List.of((double) discrete.id(t));
        }
        ContinuousActions actions = (ContinuousActions) episode.actions();
        List<Double> values = new ArrayList<>(actions.width());
        for (int a = 0; a < actions.width(); a++) {
            double v = actions.value(t, a);
            values.add(Double.isNaN(v) ? null : v);
        }
        return values;
    }

    static List<String> names(List<Variable> variables) {
        return variables.stream().map(Variable::name).toList();
    }

    static List<String> units(List<Variable> variables) {
        return variables.stream().map(Variable::unit).toList();
    }
}
