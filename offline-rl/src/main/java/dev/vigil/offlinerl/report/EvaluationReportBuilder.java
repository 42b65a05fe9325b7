package dev.vigil.offlinerl.report;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.discretise.DoseBins;
import dev.vigil.offlinerl.ope.BootstrapConfig;
import dev.vigil.offlinerl.ope.BootstrapInterval;
import dev.vigil.offlinerl.ope.LowerBoundSelection;
import dev.vigil.offlinerl.report.EvaluationReport.ActionHeatMaps;
import dev.vigil.offlinerl.report.EvaluationReport.CandidateBound;
import dev.vigil.offlinerl.report.EvaluationReport.CheckpointInfo;
import dev.vigil.offlinerl.report.EvaluationReport.CurvePoint;
import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessCurve;
import dev.vigil.offlinerl.report.EvaluationReport.OodRates;
import dev.vigil.offlinerl.report.EvaluationReport.OpeTable;
import dev.vigil.offlinerl.report.EvaluationReport.RewardCostPoint;
import dev.vigil.offlinerl.report.EvaluationReport.RewardVersusCost;
import dev.vigil.offlinerl.report.EvaluationReport.RuleCost;
import dev.vigil.offlinerl.report.EvaluationReport.RunInfo;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.guardian.Calibration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an {@link EvaluationReport}. Required: the dataset and its evaluation space, the policy (the last one of
 * the run) and the seed; everything else is optional. Same inputs and seed give the same report.
 *
 * <pre>{@code
 * EvaluationReport report = EvaluationReportBuilder.forData(data, EvaluationSpace.of(policy))
 *         .runName("run 12").provenance(policy.provenance())
 *         .policy(EvaluatedPolicies.of("ogsrl", policy), lastIteration)
 *         .checkpoints(checkpoints).metrics(samples)
 *         .costModel(CostModel.compile(RuleSets.sepsisBedside(), data.schema())).budget(CostBudget.ogsrl())
 *         .guardian(ReportGuardian.fitKnn(data, KnnConfig.defaults(), 0.2, seed))
 *         .selection(CheckpointSelection.BEST_LOWER_BOUND).seed(seed).build();
 * }</pre>
 *
 * <p>Candidates for the shown checkpoint are the checkpoints plus the last policy (at its iteration, unless a
 * checkpoint already has it). {@link CheckpointSelection#LAST} shows the highest iteration;
 * {@link CheckpointSelection#BEST_LOWER_BOUND} the highest one-sided bootstrap lower bound of the selection estimator
 * (WIS by default, WDR on request), ties to the earlier one ({@link LowerBoundSelection}). Every candidate is
 * evaluated with the same bootstrap seed.
 */
public final class EvaluationReportBuilder {

    /** ESS below this share of the episodes earns a warning note. */
    public static final double LOW_ESS_SHARE = 0.1;

    private final TrajectoryDataset data;
    private final EvaluationSpace space;
    private String runName = "";
    private PolicyProvenance provenance;
    private EvaluatedPolicy last;
    private int lastIteration;
    private List<Checkpoint> checkpoints = List.of();
    private List<MetricSample> metrics = List.of();
    private CostModel costModel;
    private CostBudget budget = CostBudget.ogsrl();
    private ReportGuardian guardian;
    private CheckpointSelection selection = CheckpointSelection.BEST_LOWER_BOUND;
    private String selectionEstimator = "WIS";
    private int replicates = 500;
    private double level = 0.95;
    private double epsilonFloor = 0.01;
    private int doseExcessBins = 9;
    private double doseExcessClipPercentile = 98;
    private Long seed;
    private final List<String> extraNotes = new ArrayList<>();

    private EvaluationReportBuilder(TrajectoryDataset data, EvaluationSpace space) {
        if (data == null || space == null) {
            throw new IllegalArgumentException("The report needs the dataset and its evaluation space");
        }
        this.data = data;
        this.space = space;
    }

    public static EvaluationReportBuilder forData(TrajectoryDataset data, EvaluationSpace space) {
        return new EvaluationReportBuilder(data, space);
    }

    public EvaluationReportBuilder runName(String name) {
        this.runName = name == null ? "" : name;
        return this;
    }

    public EvaluationReportBuilder provenance(PolicyProvenance provenance) {
        this.provenance = provenance;
        return this;
    }

    /** The run's last policy and the iteration it was saved at. */
    public EvaluationReportBuilder policy(EvaluatedPolicy policy, int iteration) {
        this.last = policy;
        this.lastIteration = iteration;
        return this;
    }

    public EvaluationReportBuilder checkpoints(List<Checkpoint> checkpoints) {
        this.checkpoints = List.copyOf(checkpoints);
        return this;
    }

    public EvaluationReportBuilder metrics(List<MetricSample> metrics) {
        this.metrics = List.copyOf(metrics);
        return this;
    }

    /** Costs per rule from the rule set; without it the data's own costs (if any) are used as one rule. */
    public EvaluationReportBuilder costModel(CostModel costModel) {
        this.costModel = costModel;
        return this;
    }

    public EvaluationReportBuilder budget(CostBudget budget) {
        if (budget == null) {
            throw new IllegalArgumentException("The budget must not be null; CostBudget.ogsrl() is the default");
        }
        this.budget = budget;
        return this;
    }

    public EvaluationReportBuilder guardian(ReportGuardian guardian) {
        this.guardian = guardian;
        return this;
    }

    public EvaluationReportBuilder selection(CheckpointSelection selection) {
        return selection(selection, "WIS");
    }

    /** @param estimator {@code WIS} or {@code WDR} */
    public EvaluationReportBuilder selection(CheckpointSelection selection, String estimator) {
        if (selection == null || !("WIS".equals(estimator) || "WDR".equals(estimator))) {
            throw new IllegalArgumentException("Checkpoint selection needs last or best-lower-bound and the "
                    + "estimator WIS or WDR; got " + selection + " and " + estimator);
        }
        this.selection = selection;
        this.selectionEstimator = estimator;
        return this;
    }

    /** Bootstrap replicates (default 500) and confidence level (default 0.95). */
    public EvaluationReportBuilder bootstrap(int replicates, double level) {
        new BootstrapConfig(replicates, level, 0); // validates with its own messages
        this.replicates = replicates;
        this.level = level;
        return this;
    }

    /** The clinicians' policy floor (default 0.01). */
    public EvaluationReportBuilder epsilonFloor(double epsilonFloor) {
        this.epsilonFloor = epsilonFloor;
        return this;
    }

    /** Dose-excess bins (odd, default 9) and the |excess| percentile that sets their range (default 98). */
    public EvaluationReportBuilder doseExcess(int bins, double clipPercentile) {
        DoseExcess.bin(new double[0], new boolean[0], bins, clipPercentile); // validates
        this.doseExcessBins = bins;
        this.doseExcessClipPercentile = clipPercentile;
        return this;
    }

    public EvaluationReportBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** A note to print with the others, e.g. how a continuous policy was softened. */
    public EvaluationReportBuilder note(String note) {
        extraNotes.add(note);
        return this;
    }

    public EvaluationReport build() {
        if (last == null) {
            throw new IllegalStateException("The report needs the run's policy: call policy(policy, iteration)");
        }
        if (seed == null) {
            throw new IllegalStateException("The report needs a seed for the bootstrap: call seed(seed)");
        }
        List<String> notes = new ArrayList<>();
        ReportData logged = new ReportData(data, space, costModel, epsilonFloor);
        BootstrapConfig bootstrap = new BootstrapConfig(replicates, level, seed);

        List<Checkpoint> candidates = candidates();
        List<PolicyTrace> traces = new ArrayList<>();
        List<PolicyEstimates> estimates = new ArrayList<>();
        for (Checkpoint c : candidates) {
            PolicyTrace trace = PolicyTrace.of(c.policy(), logged);
            traces.add(trace);
            estimates.add(PolicyEstimates.of(trace, logged, bootstrap));
        }
        int shown = choose(estimates, notes);
        PolicyTrace policy = traces.get(shown);
        PolicyEstimates policyEstimates = estimates.get(shown);
        PolicyTrace clinicianTrace = PolicyTrace.clinicians(logged);
        PolicyEstimates clinicians = PolicyEstimates.of(clinicianTrace, logged, bootstrap);

        List<CandidateBound> bounds = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            BootstrapInterval i = estimates.get(k).intervals().get(selectionEstimator);
            bounds.add(new CandidateBound(candidates.get(k).iteration(), i.estimate(), i.lowerBound()));
        }
        CheckpointInfo checkpoint = new CheckpointInfo(selection.label(), selectionEstimator,
                candidates.get(shown).iteration(), bounds);

        boolean discretised = !data.schema().stateType().isDiscrete() || !data.schema().actionType().isDiscrete();
        OpeTable ope = new OpeTable(discretised, space.stateCount(), space.actionCount(),
                logged.rewardsFromData ? "data" : "outcome", 1.0, epsilonFloor, logged.behaviour.flooredCount(),
                replicates, level, policyEstimates.rows(), clinicians.rows());
        notes.add(String.format(Locale.ROOT, "The clinicians' policy is estimated from the data with an epsilon floor "
                + "of %s: %d (state, action) pairs floored.", epsilonFloor, logged.behaviour.flooredCount()));
        double wisEss = policyEstimates.ess().get("WIS");
        if (!(wisEss >= LOW_ESS_SHARE * logged.episodes())) { // NaN (no weight at all) is low too
            notes.add(String.format(Locale.ROOT, "Low effective sample size: the policy's WIS rests on %.1f effective "
                    + "episodes of %d (below %.0f %%); treat its estimates as noise.", wisEss, logged.episodes(),
                    100 * LOW_ESS_SHARE));
        }
        if (policyEstimates.unsupportedPairs() > 0) {
            notes.add("FQE: the policy takes " + policyEstimates.unsupportedPairs() + " (state, action) pairs never "
                    + "logged; FQE gives each the clinicians' value at that state (the visit-weighted mean Q of the actions "
                    + "logged there), a guess that neither rewards nor punishes leaving the data.");
        }
        if (!logged.rewardsFromData) {
            notes.add("The dataset has no rewards: the return is the terminal outcome, +1 survival and -1 death.");
        }

        List<RewardCostPoint> points = new ArrayList<>();
        if (!logged.ruleIds.isEmpty()) {
            points.add(point("clinicians", "clinicians", -1, clinicians));
            points.add(point("policy (iteration " + candidates.get(shown).iteration() + ")", "policy",
                    candidates.get(shown).iteration(), policyEstimates));
            for (int k = 0; k < candidates.size(); k++) {
                points.add(point("checkpoint " + candidates.get(k).iteration(), "checkpoint",
                        candidates.get(k).iteration(), estimates.get(k)));
            }
        } else {
            notes.add("No costs: neither a cost model nor costs in the data; reward versus cost and rule costs are "
                    + "left out.");
        }

        List<RuleCost> ruleCosts = new ArrayList<>();
        for (int r = 0; r < logged.ruleIds.size(); r++) {
            ruleCosts.add(new RuleCost(logged.ruleIds.get(r), logged.ruleWeights[r], clinicians.ruleCosts()[r],
                    policyEstimates.ruleCosts()[r]));
        }
        if (!logged.ruleIds.isEmpty()) {
            ruleCosts.add(new RuleCost("total", Double.NaN, clinicians.cost(), policyEstimates.cost()));
        }
        OodRates ood = ood(logged, policy, notes);
        ActionHeatMaps actions = heatMaps(logged, policy, notes);
        List<DoseExcessCurve> doseExcess = doseExcess(logged, policy, notes);
        notes.addAll(extraNotes);

        RunInfo run = new RunInfo(provenance == null ? "unknown" : provenance.algorithm(),
                provenance == null ? "" : provenance.configSha256(), data.contentHash(),
                provenance == null ? (costModel == null ? "none" : costModel.ruleSetRef().toString())
                        : provenance.ruleSetVersion(),
                provenance == null ? "" : provenance.codeVersion(), data.schema().name(), logged.episodes(),
                logged.totalSteps, seed);
        if (provenance != null && !provenance.datasetSha256().equals(data.contentHash())) {
            notes.add("The policy was trained on dataset " + provenance.datasetSha256().substring(0, 12)
                    + "..., this report evaluates it on " + data.contentHash().substring(0, 12) + "...");
        }
        return new EvaluationReport(EvaluationReport.FORMAT, EvaluationReport.FORMAT_VERSION, runName, run,
                checkpoint, learningCurves(), ope, new RewardVersusCost(budget.limit(), points), ood, actions,
                doseExcess, ruleCosts, notes);
    }

    private List<Checkpoint> candidates() {
        List<Checkpoint> all = new ArrayList<>(checkpoints);
        if (all.stream().noneMatch(c -> c.iteration() == lastIteration)) {
            all.add(new Checkpoint(lastIteration, last));
        }
        all.sort(Comparator.comparingInt(Checkpoint::iteration));
        return all;
    }

    private int choose(List<PolicyEstimates> estimates, List<String> notes) {
        if (selection == CheckpointSelection.LAST) {
            return estimates.size() - 1;
        }
        List<BootstrapInterval> intervals = estimates.stream().map(e -> e.intervals().get(selectionEstimator))
                .toList();
        if (intervals.stream().allMatch(i -> Double.isNaN(i.lowerBound()))) {
            // Every trajectory weight is 0 for every candidate (deterministic policies over long episodes): the
            // data cannot rank them, so the report falls back to the last one and says so.
            notes.add("No candidate checkpoint has a defined " + selectionEstimator + " lower bound (no logged "
                    + "episode follows any of them with non-zero weight): showing the last checkpoint instead. "
                    + "Soften the policies (EvaluatedPolicies.softened) to rank them.");
            return estimates.size() - 1;
        }
        return LowerBoundSelection.best(intervals);
    }

    private RewardCostPoint point(String label, String kind, int iteration, PolicyEstimates e) {
        double cost = e.cost();
        return new RewardCostPoint(label, kind, iteration, e.estimate("WIS"), cost,
                Double.isFinite(cost) && budget.withinBudget(Math.max(0, cost)));
    }

    private Map<String, List<CurvePoint>> learningCurves() {
        Map<String, TreeMap<Integer, Double>> byMetric = new TreeMap<>();
        for (MetricSample s : metrics) {
            if (Double.isFinite(s.value())) {
                byMetric.computeIfAbsent(s.metric(), k -> new TreeMap<>()).put(s.iteration(), s.value());
            }
        }
        Map<String, List<CurvePoint>> curves = new TreeMap<>();
        byMetric.forEach((name, series) -> curves.put(name,
                series.entrySet().stream().map(e -> new CurvePoint(e.getKey(), e.getValue())).toList()));
        return curves;
    }

    private OodRates ood(ReportData logged, PolicyTrace policy, List<String> notes) {
        if (guardian == null) {
            notes.add("No guardian given: OOD rates are left out.");
            return null;
        }
        if (!policy.hasDoses() || logged.steps.get(0)[0].state() == null) {
            notes.add("OOD rates need continuous states and doses; this dataset or policy has none.");
            return null;
        }
        long policyOut = 0;
        long clinicianOut = 0;
        for (int i = 0; i < logged.episodes(); i++) {
            LoggedStep[] steps = logged.steps.get(i);
            for (int t = 0; t < steps.length; t++) {
                policyOut += guardian.judge(steps[t].state(), policy.doses()[i][t]).inSupport() ? 0 : 1;
                clinicianOut += guardian.judge(steps[t].state(), steps[t].doses()).inSupport() ? 0 : 1;
            }
        }
        Calibration c = guardian.calibration();
        double n = logged.totalSteps;
        return new OodRates(guardian.name(), c == null ? guardian.threshold() : c.threshold(),
                c == null ? Double.NaN : c.targetCoverage(), c == null ? Double.NaN : c.measuredCoverage(),
                logged.totalSteps, policyOut / n, clinicianOut / n);
    }

    private ActionHeatMaps heatMaps(ReportData logged, PolicyTrace policy, List<String> notes) {
        DoseBins bins = space.bins();
        if (bins == null || bins.actions().size() != 2) {
            notes.add("The action heat maps need a 2-D dose grid (IV fluid x vasopressor); this space has none.");
            return null;
        }
        int[] clinician = new int[(int) logged.totalSteps];
        int[] recommended = new int[clinician.length];
        int k = 0;
        for (int i = 0; i < logged.episodes(); i++) {
            LoggedStep[] steps = logged.steps.get(i);
            for (int t = 0; t < steps.length; t++, k++) {
                clinician[k] = steps[t].actionId();
                recommended[k] = policy.recommended()[i][t];
            }
        }
        return ActionFrequencies.count(bins, clinician, recommended);
    }

    private List<DoseExcessCurve> doseExcess(ReportData logged, PolicyTrace policy, List<String> notes) {
        if (!policy.hasDoses() || logged.steps.get(0)[0].doses() == null) {
            notes.add("Dose-excess curves need continuous doses; this dataset or policy has none.");
            return List.of();
        }
        List<Variable> actions = data.schema().actions();
        List<DoseExcessCurve> curves = new ArrayList<>();
        for (int a = 0; a < actions.size(); a++) {
            List<Double> excess = new ArrayList<>();
            List<Boolean> died = new ArrayList<>();
            long skipped = 0;
            for (int i = 0; i < logged.episodes(); i++) {
                Episode e = data.episodes().get(i);
                LoggedStep[] steps = logged.steps.get(i);
                for (int t = 0; t < steps.length; t++) {
                    double x = steps[t].doses()[a] - policy.doses()[i][t][a];
                    if (e.outcome() == null || !Double.isFinite(x)) {
                        skipped++;
                        continue;
                    }
                    excess.add(x);
                    died.add(e.outcome().event());
                }
            }
            double[] x = excess.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] d = new boolean[died.size()];
            for (int j = 0; j < d.length; j++) {
                d[j] = died.get(j);
            }
            curves.add(new DoseExcessCurve(actions.get(a).name(), actions.get(a).unit(), skipped,
                    DoseExcess.bin(x, d, doseExcessBins, doseExcessClipPercentile)));
            if (skipped > 0) {
                notes.add("Dose excess of " + actions.get(a).name() + ": " + skipped + " steps left out (unknown "
                        + "outcome or dose not recorded).");
            }
        }
        return curves;
    }
}
