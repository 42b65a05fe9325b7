package dev.vigil.ingestion.cohort;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cohort specification, format version 1: which codes are which features, actions and outcome, the bloc
 * length and the window around an anchor. {@code docs/cohort-spec.md} describes every field; read files with
 * {@link CohortSpecs}.
 *
 * <p>The state vector of an episode is {@code features}, then {@code derived}, then {@code staticFeatures},
 * each in the order written.
 *
 * @param formatVersion must be {@value #FORMAT_VERSION}
 * @param id short identifier, e.g. {@code icu-sepsis}
 * @param version the specification's own version, recorded in every dataset built with it
 * @param description what the cohort is, for people
 * @param blocLength length of one time step; default {@code PT4H}
 * @param anchor the event the window is placed around
 * @param window how far before and after the anchor the trajectory runs
 * @param inclusion conditions a patient must have; null to keep everybody with an anchor
 * @param stay what counts as the hospital stay; null when the cohort has none
 * @param features state features read from Observations
 * @param derived state features computed from other features and actions
 * @param staticFeatures state features constant over an episode
 * @param actions treatments per bloc
 * @param outcome what is recorded as each episode's outcome
 * @param imaging links to image files kept per episode; null to keep none
 */
public record CohortSpec(Integer formatVersion, String id, String version, String description, Duration blocLength,
        AnchorSpec anchor, WindowSpec window, InclusionSpec inclusion, StaySpec stay, List<FeatureSpec> features,
        List<DerivedFeatureSpec> derived, List<StaticFeatureSpec> staticFeatures, List<ActionSpec> actions,
        OutcomeSpec outcome, ImagingSpec imaging) {

    /** The only format version this code reads. */
    public static final int FORMAT_VERSION = 1;
    /** The bloc length when none is given (the sepsis literature's 4 hours). */
    public static final Duration DEFAULT_BLOC_LENGTH = Duration.ofHours(4);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Column names of the dataset CSV that no variable may take. */
    private static final Set<String> RESERVED = Set.of("episode", "step", "state", "action", "reward", "cost",
            "done", "outcome_event", "outcome_days");

    public CohortSpec {
        if (formatVersion == null) {
            throw new IllegalArgumentException("formatVersion is missing: add 'formatVersion: 1' at the top");
        }
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion " + formatVersion + " is not supported: this Vigil reads "
                    + "formatVersion " + FORMAT_VERSION + " (see docs/cohort-spec.md)");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' is not allowed: use 1-64 characters a-z, 0-9 and '-',"
                    + " e.g. icu-sepsis");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is missing: give the specification a version, e.g. '1.0.0'");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description is missing: say in a sentence who is in the cohort");
        }
        blocLength = blocLength == null ? DEFAULT_BLOC_LENGTH : blocLength;
        if (blocLength.isNegative() || blocLength.isZero() || blocLength.getNano() != 0) {
            throw new IllegalArgumentException("blocLength must be a positive whole number of seconds, e.g. PT4H; got "
                    + blocLength);
        }
        if (anchor == null) {
            throw new IllegalArgumentException("anchor is missing: say which Condition or Procedure codes anchor the "
                    + "window");
        }
        if (window == null) {
            throw new IllegalArgumentException("window is missing: give before and after, e.g. PT24H and PT48H");
        }
        requireMultiple(window.before(), blocLength, "window.before");
        requireMultiple(window.after(), blocLength, "window.after");
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is missing: kind death (withinDays, duringStay) or survival");
        }
        if (outcome.duringStay() && stay == null) {
            throw new IllegalArgumentException("outcome.duringStay needs a stay: add stay.encounterClasses");
        }
        features = Names.copyOrEmpty(features);
        derived = Names.copyOrEmpty(derived);
        staticFeatures = Names.copyOrEmpty(staticFeatures);
        actions = Names.copyOrEmpty(actions);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features is empty: a cohort needs at least one state feature");
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("actions is empty: a cohort needs at least one action");
        }
        checkNames(features, derived, staticFeatures, actions);
        checkFeatureCodes(features);
        checkIngredientCodes(actions);
        checkReferences(features, derived, actions);
    }

    /** The feature called {@code name}. */
    public Optional<FeatureSpec> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The action called {@code name}. */
    public Optional<ActionSpec> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Number of blocs in a full window. */
    public int blocCount() {
        return (int) (window.before().plus(window.after()).getSeconds() / blocLength.getSeconds());
    }

    private static void requireMultiple(Duration duration, Duration bloc, String field) {
        if (duration.getNano() != 0 || duration.getSeconds() % bloc.getSeconds() != 0) {
            throw new IllegalArgumentException(field + " (" + duration + ") must be a whole number of blocs of " + bloc
                    + " so that a bloc boundary falls on the anchor");
        }
    }

    private static void checkNames(List<FeatureSpec> features, List<DerivedFeatureSpec> derived,
            List<StaticFeatureSpec> statics, List<ActionSpec> actions) {
        Set<String> names = new HashSet<>();
        features.forEach(f -> claim(names, f.name()));
        derived.forEach(d -> claim(names, d.name()));
        statics.forEach(s -> claim(names, s.name()));
        actions.forEach(a -> claim(names, a.name()));
        for (String name : Set.copyOf(names)) {
            if (names.contains(name + "_missing")) {
                throw new IllegalArgumentException("'" + name + "_missing' would clash with the missingness column of '"
                        + name + "': rename it");
            }
        }
    }

    private static void claim(Set<String> names, String name) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a column of the dataset CSV itself: rename it");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("The name '" + name + "' is used twice among features, derived, "
                    + "staticFeatures and actions: names must be unique");
        }
    }

    /** One code may feed two features only when they read different value types (Child-Pugh class and score). */
    private static void checkFeatureCodes(List<FeatureSpec> features) {
        Map<String, String> owners = new HashMap<>();
        for (FeatureSpec feature : features) {
            for (Code code : feature.codes()) {
                String key = code + " " + feature.value();
                String owner = owners.putIfAbsent(key, feature.name());
                if (owner != null) {
                    throw new IllegalArgumentException("Code " + code + " is claimed by features " + owner + " and "
                            + feature.name() + " for the same value type: give it to one of them");
                }
            }
        }
    }

    private static void checkIngredientCodes(List<ActionSpec> actions) {
        Map<String, String> owners = new HashMap<>();
        for (ActionSpec action : actions) {
            for (IngredientSpec ingredient : action.ingredients()) {
                for (Code code : ingredient.codes()) {
                    String owner = owners.putIfAbsent(action.source() + " " + code, action.name());
                    if (owner != null && !owner.equals(action.name())) {
                        throw new IllegalArgumentException("Code " + code + " is an ingredient of actions " + owner
                                + " and " + action.name() + " with the same source: give it to one of them");
                    }
                }
            }
        }
    }

    private void checkReferences(List<FeatureSpec> features, List<DerivedFeatureSpec> derived,
            List<ActionSpec> actions) {
        Map<String, FeatureSpec> byName = new HashMap<>();
        features.forEach(f -> byName.put(f.name(), f));
        Map<String, ActionSpec> actionsByName = new HashMap<>();
        actions.forEach(a -> actionsByName.put(a.name(), a));
        for (DerivedFeatureSpec d : derived) {
            if (d.kind() == DerivedKind.CUMULATIVE_SUM) {
                String unit = byName.containsKey(d.of()) ? byName.get(d.of()).unit()
                        : actionsByName.containsKey(d.of()) ? actionsByName.get(d.of()).unit() : null;
                if (unit == null) {
                    throw new IllegalArgumentException("Derived feature " + d.name() + " sums '" + d.of()
                            + "', which is neither a feature nor an action; features: " + byName.keySet()
                            + ", actions: " + actionsByName.keySet());
                }
                if (!unit.equals(d.unit())) {
                    throw new IllegalArgumentException("Derived feature " + d.name() + " sums " + d.of() + " in " + unit
                            + ": set its unit to " + unit);
                }
            } else {
                for (String part : List.of(d.numerator(), d.denominator())) {
                    if (!byName.containsKey(part)) {
                        throw new IllegalArgumentException("Derived feature " + d.name() + " divides by or into '"
                                + part + "', which is not a feature; features: " + byName.keySet());
                    }
                }
            }
        }
        for (ActionSpec action : actions) {
            if (action.weightFeature() != null) {
                FeatureSpec weight = byName.get(action.weightFeature());
                if (weight == null) {
                    throw new IllegalArgumentException("Action " + action.name() + " divides rates by weightFeature '"
                            + action.weightFeature() + "', which is not a feature");
                }
                if (!weight.unit().equals("kg")) {
                    throw new IllegalArgumentException("Action " + action.name() + " divides rates by feature "
                            + weight.name() + ", whose unit must be kg (it is " + weight.unit() + ")");
                }
            }
        }
    }
}
