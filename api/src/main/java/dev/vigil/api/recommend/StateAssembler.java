package dev.vigil.api.recommend;

import dev.vigil.api.serving.ServedModel;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.cohort.MaxHold;
import dev.vigil.offlinerl.serving.ClinicalState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns named values into the served policy's state vectors, refusing what it cannot answer for: unknown names,
 * non-finite values, missing required vital signs and values older than the cohort carries them.
 */
public final class StateAssembler {

    /** Vital signs without which no recommendation is given (when the policy reads them). */
    public static final List<String> REQUIRED_VITALS = List.of("heart_rate", "map", "spo2");
    /** How far in the future a time may lie (clock skew between the caller and us). */
    static final Duration SKEW = Duration.ofMinutes(5);

    private StateAssembler() {
    }

    /** The state of a posted request, at {@code now} when the request gives no time. */
    public static ClinicalState assemble(RecommendationRequest request, ServedModel model, Instant now) {
        List<String> names = model.policy().featureNames();
        if (request.features() == null || request.features().isEmpty()) {
            throw new InvalidStateException(400, "No features given: send features as name -> value in canonical "
                    + "units; the policy reads " + String.join(", ", names));
        }
        double[] features = vector(request.features(), names, "features");
        requireVitals(features, names, "");
        Instant at = request.at() == null ? now : request.at();
        if (at.isAfter(now.plus(SKEW))) {
            throw new InvalidStateException(400, "at " + at + " lies in the future (now is " + now + ")");
        }
        if (request.measuredAt() != null) {
            checkAges(request, model, names, at);
        }
        double[] previous = null;
        if (request.history() != null && !request.history().isEmpty()) {
            for (int i = 0; i < request.history().size(); i++) {
                double[] bloc = vector(request.history().get(i), names, "history[" + i + "]");
                if (i == request.history().size() - 1) {
                    previous = bloc;
                }
            }
        }
        double[] doses = request.currentDoses() == null ? null
                : doses(request.currentDoses(), model.policy().actionNames());
        return new ClinicalState(features, previous, doses);
    }

    /** Refuses a state whose required vital signs are missing (NaN), naming them. */
    public static void requireVitals(double[] features, List<String> names, String where) {
        List<String> missing = new ArrayList<>();
        for (String vital : REQUIRED_VITALS) {
            int f = names.indexOf(vital);
            if (f >= 0 && Double.isNaN(features[f])) {
                missing.add(vital);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidStateException(422, "Missing vital signs" + where + ": " + String.join(", ", missing)
                    + ". Vigil does not recommend without " + String.join(", ", REQUIRED_VITALS));
        }
    }

    private static double[] vector(Map<String, Double> values, List<String> names, String field) {
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new InvalidStateException(400, field + " has names the policy does not read: "
                    + String.join(", ", unknown) + ". It reads " + names.size() + " features: "
                    + String.join(", ", names));
        }
        double[] vector = new double[names.size()];
        Arrays.fill(vector, Double.NaN);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Double v = e.getValue();
            if (v != null && !Double.isFinite(v)) {
                throw new InvalidStateException(400, field + "." + e.getKey() + " is " + v + ": give a finite number "
                        + "or leave the feature out when it was not measured");
            }
            vector[names.indexOf(e.getKey())] = v == null ? Double.NaN : v;
        }
        return vector;
    }

    private static double[] doses(Map<String, Double> values, List<String> names) {
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new InvalidStateException(400, "currentDoses has names that are not actions of the policy: "
                    + String.join(", ", unknown) + ". Its actions are " + String.join(", ", names));
        }
        double[] doses = new double[names.size()];
        for (int a = 0; a < names.size(); a++) {
            Double v = values.get(names.get(a));
            if (v == null) {
                throw new InvalidStateException(400, "currentDoses." + names.get(a) + " is missing: give every "
                        + "action's current dose (0 when none), or leave currentDoses out");
            }
            if (!Double.isFinite(v) || v < 0) {
                throw new InvalidStateException(400, "currentDoses." + names.get(a) + " is " + v
                        + ": a dose is a finite number >= 0");
            }
            doses[a] = v;
        }
        return doses;
    }

    private static void checkAges(RecommendationRequest request, ServedModel model, List<String> names, Instant at) {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Instant> e : new java.util.TreeMap<>(request.measuredAt()).entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new InvalidStateException(400, "measuredAt has a name the policy does not read: " + e.getKey());
            }
            if (e.getValue() == null) {
                continue;
            }
            Duration age = Duration.between(e.getValue(), at);
            if (age.compareTo(SKEW.negated()) < 0) {
                throw new InvalidStateException(400, "measuredAt." + e.getKey() + " " + e.getValue()
                        + " lies after the state's time " + at);
            }
            Duration limit = maxAge(model, e.getKey());
            if (limit != null && age.compareTo(limit) > 0) {
                stale.add(e.getKey() + " was measured " + human(age) + " ago (at most " + human(limit) + ")");
            }
        }
        if (!stale.isEmpty()) {
            throw new InvalidStateException(422, "Stale values: " + String.join("; ", stale) + ". Measure again or "
                    + "leave them out");
        }
    }

    /** How old a value may be: the cohort's max hold, one bloc for values never held, no limit if unlimited. */
    static Duration maxAge(ServedModel model, String feature) {
        Duration bloc = model.policy().schema().blocLength().isZero() ? Duration.ofHours(4)
                : model.policy().schema().blocLength();
        if (model.cohort() == null) {
            return bloc.multipliedBy(2);
        }
        FeatureSpec spec = model.cohort().feature(feature).orElse(null);
        if (spec == null) {
            return null;
        }
        MaxHold hold = spec.maxHold();
        if (hold.equals(MaxHold.UNLIMITED)) {
            return null;
        }
        return hold.equals(MaxHold.NONE) ? bloc : Duration.ofSeconds(hold.seconds());
    }

    /** E.g. {@code 9 h 5 min}. */
    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes >= 60 ? (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min")
                : minutes + " min";
    }
}
