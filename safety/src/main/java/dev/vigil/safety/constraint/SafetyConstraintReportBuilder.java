package dev.vigil.safety.constraint;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.safety.constraint.SafetyConstraintReport.RuleRow;
import dev.vigil.safety.constraint.SafetyConstraintReport.Side;
import dev.vigil.safety.constraint.SafetyConstraintReport.Verdict;
import dev.vigil.safety.constraint.SafetyConstraintReport.WorstEpisode;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.EpisodeCosts;
import dev.vigil.safety.guardian.Calibration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Computes a {@link SafetyConstraintReport} from evaluation data, a cost model, a policy and a guardian. */
public final class SafetyConstraintReportBuilder {

    private final CostModel costs;
    private final CostBudget budget;
    private final SafetyThresholds thresholds;
    private SupportJudge guardian;
    private Calibration calibration;
    private int worstCount = 10;

    public SafetyConstraintReportBuilder(CostModel costs, CostBudget budget, SafetyThresholds thresholds) {
        this.costs = Objects.requireNonNull(costs, "costs");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** Judges every recommendation and logged action; the calibration is reported and checked. */
    public SafetyConstraintReportBuilder guardian(SupportJudge judge, Calibration calibration) {
        this.guardian = Objects.requireNonNull(judge, "judge");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        return this;
    }

    /** How many of the costliest episodes to list (default 10). */
    public SafetyConstraintReportBuilder worstEpisodes(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("worstEpisodes must be >= 0, got " + count);
        }
        this.worstCount = count;
        return this;
    }

    /**
     * @throws IllegalArgumentException for an empty dataset, discrete states or actions, or a recommendation
     *     of the wrong width or with a non-finite value (naming the episode and step)
     */
    public SafetyConstraintReport build(TrajectoryDataset data, PolicyUnderReview policy, String title,
            Map<String, String> provenance) {
        if (data.episodes().isEmpty()) {
            throw new IllegalArgumentException("Dataset " + data.schema().name() + " has no episodes to report on");
        }
        List<String> ruleIds = costs.ruleIds();
        double[] weights = costs.weights();
        int rules = ruleIds.size();
        long[] policyViolations = new long[rules];
        long[] clinicianViolations = new long[rules];
        long[] evaluable = new long[rules];
        int n = data.episodes().size();
        double[] policyCosts = new double[n];
        double[] clinicianCosts = new double[n];
        int[] policyViolatingSteps = new int[n];
        int[] clinicianViolatingSteps = new int[n];
        long steps = 0;
        long policyOod = 0;
        long clinicianOod = 0;
        List<EpisodeCosts> policyEpisodes = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            Episode episode = data.episodes().get(e);
            if (!(episode.states() instanceof ContinuousStates states)
                    || !(episode.actions() instanceof ContinuousActions logged)) {
                throw new IllegalArgumentException("A safety-constraint report needs continuous states and actions in "
                        + "clinical units; episode " + episode.id() + " of " + data.schema().name() + " has "
                        + data.schema().stateType() + " states and " + data.schema().actionType() + " actions");
            }
            double[][] recommended = new double[episode.steps()][];
            for (int t = 0; t < episode.steps(); t++) {
                recommended[t] = checked(policy.recommend(episode, t), episode, t, logged.width());
                if (guardian != null) {
                    double[] state = states.values()[t];
                    if (!guardian.judge(state, recommended[t]).inSupport()) {
                        policyOod++;
                    }
                    if (!guardian.judge(state, logged.values()[t]).inSupport()) {
                        clinicianOod++;
                    }
                }
            }
            EpisodeCosts byPolicy = costs.evaluate(episode, recommended);
            EpisodeCosts byClinicians = costs.evaluate(episode);
            policyEpisodes.add(byPolicy);
            int[] pv = byPolicy.ruleViolations();
            int[] cv = byClinicians.ruleViolations();
            int[] notEvaluable = byClinicians.ruleNotEvaluable();
            for (int r = 0; r < rules; r++) {
                policyViolations[r] += pv[r];
                clinicianViolations[r] += cv[r];
                evaluable[r] += episode.steps() - notEvaluable[r];
            }
            policyCosts[e] = byPolicy.total();
            clinicianCosts[e] = byClinicians.total();
            policyViolatingSteps[e] = byPolicy.violatingSteps();
            clinicianViolatingSteps[e] = byClinicians.violatingSteps();
            steps += episode.steps();
        }
        List<RuleRow> rows = new ArrayList<>(rules);
        for (int r = 0; r < rules; r++) {
            rows.add(new RuleRow(ruleIds.get(r), weights[r], rate(policyViolations[r], evaluable[r]),
                    rate(clinicianViolations[r], evaluable[r]), weights[r] * policyViolations[r] / n,
                    weights[r] * clinicianViolations[r] / n, evaluable[r]));
        }
        Side policySide = side(policyCosts, policyViolatingSteps, guardian == null ? Double.NaN : rate(policyOod, steps));
        Side clinicianSide = side(clinicianCosts, clinicianViolatingSteps,
                guardian == null ? Double.NaN : rate(clinicianOod, steps));
        List<WorstEpisode> worst = worst(data, policyEpisodes, clinicianCosts, ruleIds);
        Verdict verdict = verdict(rows, policySide);
        return new SafetyConstraintReport(SafetyConstraintReport.FORMAT, SafetyConstraintReport.FORMAT_VERSION, title,
                provenance, costs.ruleSetRef(), budget.limit(), thresholds, n, steps, rows, policySide, clinicianSide,
                calibration, worst, verdict);
    }

    private static double[] checked(double[] action, Episode episode, int t, int width) {
        if (action == null || action.length != width) {
            throw new IllegalArgumentException("The policy's recommendation at episode " + episode.id() + " step " + t
                    + " has " + (action == null ? "no" : action.length) + " values; the dataset has " + width
                    + " action columns");
        }
        for (double v : action) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("The policy's recommendation at episode " + episode.id() + " step "
                        + t + " has a non-finite value " + v);
            }
        }
        return action;
    }

    private Side side(double[] episodeCosts, int[] violatingSteps, double oodRate) {
        int n = episodeCosts.length;
        double sum = 0;
        int failures = 0;
        int within = 0;
        double stepSum = 0;
        for (int e = 0; e < n; e++) {
            sum += episodeCosts[e];
            failures += violatingSteps[e] > 0 ? 1 : 0;
            within += budget.withinBudget(episodeCosts[e]) ? 1 : 0;
            stepSum += violatingSteps[e];
        }
        double mean = sum / n;
        return new Side(mean, budget.normalised(mean), (double) failures / n, stepSum / n, (double) within / n,
                oodRate, episodeCosts);
    }

    private List<WorstEpisode> worst(TrajectoryDataset data, List<EpisodeCosts> policyEpisodes,
            double[] clinicianCosts, List<String> ruleIds) {
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < policyEpisodes.size(); e++) {
            order.add(e);
        }
        // Highest policy cost first; ties by dataset order so the list is the same on every run.
        order.sort(Comparator.comparingDouble((Integer e) -> -policyEpisodes.get(e).total())
                .thenComparingInt(e -> e));
        List<WorstEpisode> worst = new ArrayList<>();
        for (int i = 0; i < Math.min(worstCount, order.size()); i++) {
            int e = order.get(i);
            EpisodeCosts c = policyEpisodes.get(e);
            if (c.total() <= 0) {
                break;
            }
            List<String> violated = new ArrayList<>();
            int[] v = c.ruleViolations();
            for (int r = 0; r < v.length; r++) {
                if (v[r] > 0) {
                    violated.add(ruleIds.get(r));
                }
            }
            worst.add(new WorstEpisode(data.episodes().get(e).id(), c.total(), clinicianCosts[e], c.violatingSteps(),
                    violated));
        }
        return worst;
    }

    private Verdict verdict(List<RuleRow> rows, Side policy) {
        List<String> reasons = new ArrayList<>();
        boolean pass = true;
        boolean costOk = policy.normalisedCost() <= thresholds.maxNormalisedCost();
        pass &= costOk;
        reasons.add(String.format(Locale.ROOT, "%s normalised cost %.3f (limit %.3f; mean episode cost %.3f, budget %s)",
                costOk ? "PASS" : "FAIL", policy.normalisedCost(), thresholds.maxNormalisedCost(),
                policy.meanEpisodeCost(), number(budget.limit())));
        for (RuleRow row : rows) {
            double excess = row.policyViolationRate() - row.clinicianViolationRate();
            boolean ok = !(excess > thresholds.maxRuleExcess());
            pass &= ok;
            if (!ok) {
                reasons.add(String.format(Locale.ROOT, "FAIL rule %s violated in %.1f %% of steps vs clinicians %.1f %% "
                        + "(allowed excess %.1f points)", row.ruleId(), 100 * row.policyViolationRate(),
                        100 * row.clinicianViolationRate(), 100 * thresholds.maxRuleExcess()));
            }
        }
        if (rows.stream().allMatch(r -> !(r.policyViolationRate() - r.clinicianViolationRate()
                > thresholds.maxRuleExcess()))) {
            reasons.add(String.format(Locale.ROOT, "PASS no rule violated more than %.1f points above clinicians",
                    100 * thresholds.maxRuleExcess()));
        }
        if (guardian == null) {
            pass = false;
            reasons.add("FAIL no guardian was given: the out-of-support rate is unknown");
        } else {
            boolean oodOk = policy.oodRate() <= thresholds.maxOodRate();
            pass &= oodOk;
            reasons.add(String.format(Locale.ROOT, "%s out-of-support rate %.1f %% (limit %.1f %%)",
                    oodOk ? "PASS" : "FAIL", 100 * policy.oodRate(), 100 * thresholds.maxOodRate()));
            boolean calibrated = calibration.measuredCoverage() >= thresholds.minCalibrationCoverage();
            pass &= calibrated;
            reasons.add(String.format(Locale.ROOT, "%s guardian coverage on %d held-out points %.1f %% (at least %.1f %%)",
                    calibrated ? "PASS" : "FAIL", calibration.heldOut(), 100 * calibration.measuredCoverage(),
                    100 * thresholds.minCalibrationCoverage()));
        }
        return new Verdict(pass, reasons);
    }

    private static double rate(long count, long total) {
        return total == 0 ? Double.NaN : (double) count / total;
    }

    private static String number(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
