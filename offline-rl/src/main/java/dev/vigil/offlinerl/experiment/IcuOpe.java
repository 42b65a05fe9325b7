package dev.vigil.offlinerl.experiment;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.objective.TrainingRewards;
import dev.vigil.offlinerl.report.CheckpointSelection;
import dev.vigil.offlinerl.report.EvaluatedPolicies;
import dev.vigil.offlinerl.report.EvaluationReport;
import dev.vigil.offlinerl.report.EvaluationReportBuilder;
import dev.vigil.offlinerl.report.EvaluationSpace;
import dev.vigil.safety.cost.CostModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Off-policy estimates of the quantity the ICU experiments' true-return column measures: the undiscounted return of
 * OGSRL's SOFA reward ({@link dev.vigil.offlinerl.objective.SofaStepReward}: per-step SOFA, death padding, terminal
 * outcome) over the simulator's 18-bloc window, on a <b>held-out logged cohort</b> (patients neither trained on nor
 * rolled out), with the evaluation report's estimators and bootstrap intervals: WIS, WDR and FQE in the
 * AI-Clinician discretisation (k-means states, 5x5 dose bins) that {@link EvaluationReportBuilder} uses for continuous
 * policies (the deterministic policy softened with epsilon 0.01), plus WIS of the cost per episode under the given
 * rule set.
 */
final class IcuOpe {

    /** Bootstrap replicates of every interval. */
    static final int REPLICATES = 200;

    /** One policy's estimates: value intervals (95 %), WIS's effective sample size, WIS of the cost. */
    record Estimates(Interval wis, Interval wdr, Interval fqe, double wisEss, double cost) {
    }

    /** An estimate with its 95 % bootstrap interval. */
    record Interval(double estimate, double lower, double upper) {

        static Interval of(EvaluationReport.OpeRow row) {
            return new Interval(row.estimate(), row.lower(), row.upper());
        }
    }

    private final TrajectoryDataset rewarded;
    private final EvaluationSpace space;
    private final CostModel costs;
    private final long seed;
    private Estimates clinicians;

    private IcuOpe(TrajectoryDataset rewarded, EvaluationSpace space, CostModel costs, long seed) {
        this.rewarded = rewarded;
        this.space = space;
        this.costs = costs;
        this.seed = seed;
    }

    /**
     * @param heldOut logged episodes of other patients than the training cohort's
     * @param costs the cost whose WIS estimate is reported (compiled against {@code heldOut}'s schema)
     */
    static IcuOpe prepare(TrajectoryDataset heldOut, CostModel costs, long seed) {
        TrainingRewards.Rewards rewards = TrainingRewards.of(heldOut, TrainingRewards.SOFA, 1, -1);
        DatasetSchema s = heldOut.schema();
        DatasetSchema schema = new DatasetSchema(s.name() + ".sofa-reward", s.stateType(), s.features(),
                s.actionType(), s.actions(), true, s.hasCosts(), s.cohortSpecId(), s.cohortSpecVersion(),
                s.blocLength());
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < heldOut.episodes().size(); i++) {
            Episode e = heldOut.episodes().get(i);
            episodes.add(new Episode(e.id(), e.states(), e.actions(), rewards.perEpisode().get(i), e.costs(),
                    e.outcome(), e.provenance(), e.imaging()));
        }
        TrajectoryDataset rewarded = new TrajectoryDataset(schema, episodes);
        int k = (int) Math.max(1, heldOut.totalSteps() / 100);   // ogsrl's and the report's rule
        return new IcuOpe(rewarded, EvaluationSpace.fit(rewarded, k, seed), costs, seed);
    }

    /** Mean logged return of the held-out cohort under the SOFA reward (the clinicians' on-policy value). */
    double loggedReturn() {
        return rewarded.episodes().stream().mapToDouble(e -> java.util.Arrays.stream(e.rewards()).sum()).average()
                .orElse(Double.NaN);
    }

    /** Estimates of a continuous policy; NaN features are filled with {@code fill} before it acts. */
    Estimates evaluate(String name, ContinuousPolicy policy, double[] fill) {
        EvaluationReport report = EvaluationReportBuilder.forData(rewarded, space)
                .policy(EvaluatedPolicies.of(name, policy, space.bins(), fill, EvaluatedPolicies.DEFAULT_EPSILON), 0)
                .costModel(costs).selection(CheckpointSelection.LAST).bootstrap(REPLICATES, 0.95).seed(seed).build();
        if (clinicians == null) {
            clinicians = estimates(report.ope().clinicians(), report, "clinicians");
        }
        return estimates(report.ope().policy(), report, "policy");
    }

    /** The clinicians' estimated (behaviour) policy, after at least one {@link #evaluate}. */
    Estimates clinicians() {
        if (clinicians == null) {
            throw new IllegalStateException("evaluate a policy first");
        }
        return clinicians;
    }

    private static Estimates estimates(List<EvaluationReport.OpeRow> rows, EvaluationReport report, String who) {
        EvaluationReport.OpeRow wis = row(rows, "WIS");
        double cost = report.ruleCosts().stream().filter(r -> r.rule().equals("total"))
                .mapToDouble(r -> who.equals("clinicians") ? r.clinicians() : r.policy()).findFirst()
                .orElse(Double.NaN);
        return new Estimates(Interval.of(wis), Interval.of(row(rows, "WDR")), Interval.of(row(rows, "FQE")),
                wis.effectiveSampleSize(), cost);
    }

    private static EvaluationReport.OpeRow row(List<EvaluationReport.OpeRow> rows, String estimator) {
        return rows.stream().filter(r -> r.estimator().equals(estimator)).findFirst().orElseThrow();
    }
}
