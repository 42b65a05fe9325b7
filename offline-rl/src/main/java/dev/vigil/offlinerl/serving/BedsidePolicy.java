package dev.vigil.offlinerl.serving;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.discretise.ActionBins;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.Rule;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.StepCost;
import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.KnnDistanceGuardian;
import dev.vigil.safety.guardian.MinMaxScaler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A discretised policy ready to answer at the bedside: loaded once with everything derived from its dataset (the
 * k-NN guardian over scaled (state, action) points, the similar-patient index over scaled states) and the cost
 * model of a rule set, then immutable and safe to call from many threads.
 *
 * <p>Missing features (NaN) are filled with the policy's training means, as its state clusters do, before the
 * guardian and the similar-patient search see them; the cost model sees them missing (rules on them are not
 * evaluable). Doses not recorded in the data count as 0.
 */
public final class BedsidePolicy {

    private final DiscretisedPolicy policy;
    private final TrajectoryDataset data;
    private final RuleSet ruleSet;
    private final CostModel costs;
    private final BedsideConfig config;
    private final double[] fill;
    private final MinMaxScaler stateScaler;
    private final MinMaxScaler pointScaler;
    private final KnnDistanceGuardian guardian;
    private final double[][] scaledStates;
    private final int[] rowEpisode;
    private final int[] rowStep;

    private BedsidePolicy(DiscretisedPolicy policy, TrajectoryDataset data, RuleSet ruleSet, BedsideConfig config) {
        this.policy = policy;
        this.data = data;
        this.ruleSet = ruleSet;
        this.costs = CostModel.compile(ruleSet, data.schema());
        this.config = config;
        this.fill = policy.clusters().fill();
        int rows = Math.toIntExact(data.totalSteps());
        double[][] states = new double[rows][];
        double[][] points = new double[rows][];
        rowEpisode = new int[rows];
        rowStep = new int[rows];
        int i = 0;
        for (int e = 0; e < data.episodes().size(); e++) {
            Episode episode = data.episodes().get(e);
            double[][] s = ((ContinuousStates) episode.states()).values();
            double[][] a = ((ContinuousActions) episode.actions()).values();
            for (int t = 0; t < episode.steps(); t++, i++) {
                states[i] = filled(s[t]);
                points[i] = concat(states[i], recordedDoses(a[t]));
                rowEpisode[i] = e;
                rowStep[i] = t;
            }
        }
        this.stateScaler = MinMaxScaler.fit(states);
        this.scaledStates = stateScaler.transform(states);
        this.pointScaler = MinMaxScaler.fit(points);
        this.guardian = KnnDistanceGuardian.fit(pointScaler.transform(points), config.guardian());
    }

    /**
     * Loads a policy with its dataset.
     *
     * @throws IllegalArgumentException when the policy was not trained on this dataset, or lacks state clusters or
     *     dose bins (a policy on discrete ids cannot read a patient's state), or the rule set does not fit the schema
     */
    public static BedsidePolicy load(DiscretisedPolicy policy, TrajectoryDataset data, RuleSet ruleSet,
            BedsideConfig config) {
        if (policy == null || data == null || ruleSet == null || config == null) {
            throw new IllegalArgumentException("A bedside policy needs the policy, its dataset, a rule set and a "
                    + "config");
        }
        if (policy.clusters() == null || policy.bins() == null) {
            throw new IllegalArgumentException("The policy was trained on discrete state or action ids: it cannot read "
                    + "a patient's features or give doses; serve a policy trained on continuous ICU data");
        }
        if (!policy.provenance().datasetSha256().equals(data.contentHash())) {
            throw new IllegalArgumentException("The policy was trained on dataset "
                    + policy.provenance().datasetSha256() + ", not on " + data.contentHash());
        }
        DatasetSchema schema = data.schema();
        if (policy.clusters().width() != schema.features().size()) {
            throw new IllegalArgumentException("The policy reads " + policy.clusters().width() + " features; dataset '"
                    + schema.name() + "' has " + schema.features().size());
        }
        List<String> binned = policy.bins().actions().stream().map(ActionBins::name).toList();
        if (!binned.equals(schema.actions().stream().map(Variable::name).toList())) {
            throw new IllegalArgumentException("The policy's dose bins are for " + binned + "; dataset '"
                    + schema.name() + "' has actions " + schema.actions().stream().map(Variable::name).toList());
        }
        return new BedsidePolicy(policy, data, ruleSet, config);
    }

    public DiscretisedPolicy policy() {
        return policy;
    }

    public TrajectoryDataset data() {
        return data;
    }

    public DatasetSchema schema() {
        return data.schema();
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Feature names in the order of a {@link ClinicalState}'s arrays. */
    public List<String> featureNames() {
        return data.schema().features().stream().map(Variable::name).toList();
    }

    /** Action names in the order of every dose array. */
    public List<String> actionNames() {
        return data.schema().actions().stream().map(Variable::name).toList();
    }

    /** The guardian's threshold (negated k-th neighbour distance). */
    public double guardianThreshold() {
        return guardian.threshold();
    }

    /**
     * The policy's answer for a state: its choice and alternatives, the guardian's verdict, the rules, the similar
     * patients, and the conservative fallback when the case is outside the support.
     *
     * @throws IllegalArgumentException when an array has the wrong length or holds an infinite value
     */
    public Recommendation recommend(ClinicalState state) {
        double[] features = checked(state);
        double[] p = policy.actionProbabilities(features);
        Integer[] order = new Integer[p.length];
        for (int a = 0; a < p.length; a++) {
            order[a] = a;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(a -> -p[a]).thenComparingInt(a -> a));
        DoseChoice choice = binChoice(order[0], p[order[0]]);
        List<DoseChoice> alternatives = new ArrayList<>();
        for (int r = 1; r < order.length && alternatives.size() < config.alternatives(); r++) {
            if (p[order[r]] > 0) {
                alternatives.add(binChoice(order[r], p[order[r]]));
            }
        }
        ActionAssessment assessed = assess(state, choice);
        Fallback fallback = assessed.guardian().inSupport() ? null : fallback(state);
        return new Recommendation(choice, alternatives, assessed.guardian(), assessed.rules(), assessed.totalCost(),
                similar(features), fallback);
    }

    /**
     * Judges given doses in a state (e.g. a draft order): guardian and rules.
     *
     * @param doses shape (actions), in the schema's units
     */
    public ActionAssessment assess(ClinicalState state, double[] doses) {
        checked(state);
        requireDoses(doses, "The proposed doses");
        return assess(state, choiceOf(doses));
    }

    /** The nearest patients of the dataset (one bloc each, distinct patients), nearest first. */
    public List<SimilarPatient> similar(double[] features) {
        double[] query = stateScaler.transform(filled(features));
        double[] best = new double[data.episodes().size()];
        int[] bestStep = new int[best.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < scaledStates.length; i++) {
            double d = 0;
            double[] row = scaledStates[i];
            for (int f = 0; f < row.length; f++) {
                double diff = row[f] - query[f];
                d += diff * diff;
            }
            if (d < best[rowEpisode[i]]) {
                best[rowEpisode[i]] = d;
                bestStep[rowEpisode[i]] = rowStep[i];
            }
        }
        Integer[] episodes = new Integer[best.length];
        for (int e = 0; e < best.length; e++) {
            episodes[e] = e;
        }
        Arrays.sort(episodes, Comparator.<Integer>comparingDouble(e -> best[e]).thenComparingInt(e -> e));
        List<SimilarPatient> out = new ArrayList<>();
        for (int r = 0; r < Math.min(config.similarPatients(), episodes.length); r++) {
            Episode episode = data.episodes().get(episodes[r]);
            double[] logged = ((ContinuousActions) episode.actions()).values()[bestStep[episodes[r]]];
            out.add(new SimilarPatient(episode.id(), bestStep[episodes[r]], Math.sqrt(best[episodes[r]]),
                    episode.outcome() == null ? null : episode.outcome().event(), recordedDoses(logged)));
        }
        return out;
    }

    /** The guardian's verdict on (state, doses), the state with missing features filled. */
    public GuardVerdict judge(double[] features, double[] doses) {
        return guardian.judge(pointScaler.transform(concat(filled(features), recordedDoses(doses))));
    }

    /** The bins of given doses and the doses themselves (not the bins' representatives). */
    public DoseChoice choiceOf(double[] doses) {
        int[] bins = new int[doses.length];
        for (int a = 0; a < doses.length; a++) {
            bins[a] = policy.bins().actions().get(a).bin(doses[a]);
        }
        return new DoseChoice(-1, bins, doses, Double.NaN);
    }

    /** The rules evaluated on (previous, state, doses), in rule-set order. */
    public List<RuleCheck> rules(double[] previous, double[] features, double[] doses) {
        StepCost cost = costs.evaluate(previous, features, doses);
        List<RuleCheck> checks = new ArrayList<>();
        for (int r = 0; r < ruleSet.rules().size(); r++) {
            Rule rule = ruleSet.rules().get(r);
            checks.add(new RuleCheck(rule.id(), cost.statuses()[r], cost.costs()[r], rule.rationale()));
        }
        return checks;
    }

    private ActionAssessment assess(ClinicalState state, DoseChoice choice) {
        double[] features = state.features();
        List<RuleCheck> rules = rules(state.previousFeatures(), features, choice.doses());
        double total = rules.stream().mapToDouble(RuleCheck::cost).sum();
        return new ActionAssessment(choice, judge(features, choice.doses()), rules, total);
    }

    private Fallback fallback(ClinicalState state) {
        double[] current = state.currentDoses();
        if (current == null) {
            return new Fallback(null, false, List.of(), "Outside the data's support and the current doses are not "
                    + "known: Vigil recommends no change; start nothing new, escalate nothing, and let a clinician "
                    + "decide");
        }
        DoseChoice keep = choiceOf(current);
        return new Fallback(keep, true, rules(state.previousFeatures(), state.features(), current),
                "Outside the data's support: continue the current doses without escalation, and let a clinician "
                        + "review");
    }

    private DoseChoice binChoice(int actionId, double probability) {
        return new DoseChoice(actionId, policy.bins().bins(actionId), policy.doses(actionId), probability);
    }

    private double[] checked(ClinicalState state) {
        if (state == null) {
            throw new IllegalArgumentException("No clinical state given");
        }
        double[] features = state.features();
        requireFeatures(features, "The state");
        if (state.previousFeatures() != null) {
            requireFeatures(state.previousFeatures(), "The previous state");
        }
        if (state.currentDoses() != null) {
            requireDoses(state.currentDoses(), "The current doses");
        }
        return features;
    }

    private void requireFeatures(double[] features, String what) {
        List<String> names = featureNames();
        if (features.length != names.size()) {
            throw new IllegalArgumentException(what + " has " + features.length + " features; the policy reads "
                    + names.size() + ": " + String.join(", ", names));
        }
        for (int f = 0; f < features.length; f++) {
            if (Double.isInfinite(features[f])) {
                throw new IllegalArgumentException(what + ": feature " + names.get(f) + " is " + features[f]
                        + "; give a finite value or leave it out");
            }
        }
    }

    private void requireDoses(double[] doses, String what) {
        List<String> names = actionNames();
        if (doses == null || doses.length != names.size()) {
            throw new IllegalArgumentException(what + " need " + names.size() + " doses (" + String.join(", ", names)
                    + "); got " + (doses == null ? "none" : doses.length));
        }
        for (int a = 0; a < doses.length; a++) {
            if (!Double.isFinite(doses[a]) || doses[a] < 0) {
                throw new IllegalArgumentException(what + ": " + names.get(a) + " is " + doses[a]
                        + "; a dose is a finite number >= 0");
            }
        }
    }

    private double[] filled(double[] raw) {
        double[] out = raw.clone();
        for (int f = 0; f < out.length; f++) {
            if (Double.isNaN(out[f])) {
                out[f] = fill[f];
            }
        }
        return out;
    }

    private static double[] recordedDoses(double[] doses) {
        double[] out = doses.clone();
        for (int a = 0; a < out.length; a++) {
            if (Double.isNaN(out[a])) {
                out[a] = 0;
            }
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
