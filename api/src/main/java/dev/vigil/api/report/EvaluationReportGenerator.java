package dev.vigil.api.report;

import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.rules.RuleSetService;
import dev.vigil.api.run.RunMetric;
import dev.vigil.api.run.RunService;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.api.run.ContinuousPolicyDocument;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.continuous.SnapshotPolicy;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.report.CheckpointSelection;
import dev.vigil.offlinerl.report.EvaluatedPolicies;
import dev.vigil.offlinerl.report.EvaluationReport;
import dev.vigil.offlinerl.report.EvaluationReportBuilder;
import dev.vigil.offlinerl.report.EvaluationSpace;
import dev.vigil.offlinerl.report.MetricSample;
import dev.vigil.offlinerl.report.ReportGuardian;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.guardian.KnnConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds a run's evaluation report (docs/evaluation-report.md) from the registry: its dataset, stored policy
 * and learning curves; for policies learned on continuous clinical data also costs under the newest
 * {@code sepsis-bedside} rules and a k-NN guardian's out-of-support rates.
 */
@ApplicationScoped
public class EvaluationReportGenerator {

    /** The rule set continuous-data reports charge costs with. */
    static final String COST_RULE_SET = "sepsis-bedside";

    @Inject
    RunService runs;

    @Inject
    DatasetService datasets;

    @Inject
    RuleSetService ruleSets;

    /** The report and the rule version its costs used (null on discrete data). */
    public record Built(EvaluationReport report, TrainingRun run, String ruleSetVersion) {
    }

    @ActivateRequestContext
    public Built build(String runIdOrPrefix, CheckpointSelection selection, int bootstrapReplicates) {
        RunService.RunPolicy loaded = runs.policyOf(runIdOrPrefix, "evaluate");
        TrainingRun run = loaded.run();
        TrajectoryDataset data = datasets.load(datasets.resolve(run.getDatasetId()));
        List<RunMetric> rows = runs.metrics(run.getId());
        List<MetricSample> metrics = rows.stream()
                .map(m -> new MetricSample(m.getIteration(), m.getName(), m.getValue())).toList();
        int lastIteration = rows.stream().mapToInt(RunMetric::getIteration).max().orElse(0);
        String ruleSetVersion = null;
        EvaluationReportBuilder builder;
        if (loaded.continuous()) {
            ContinuousPolicyDocument document = ContinuousPolicyDocument.read(loaded.stored(), "run " + run.getId());
            SnapshotPolicy policy = new SnapshotPolicy(document.network(), document.provenance(),
                    new FitReport(document.summary(), null, null));
            // No discretisation of its own: evaluate in k-means states and quartile dose bins fitted on the data,
            // the policy softened into those bins (IS needs probabilities; docs/evaluation-report.md).
            EvaluationSpace space = EvaluationSpace.fit(data, Math.max(2, (int) Math.min(750, data.totalSteps() / 100)),
                    run.getSeed());
            var rules = ruleSets.latest(COST_RULE_SET);
            ruleSetVersion = rules.getVersion();
            ReportGuardian guardian = ReportGuardian.fitKnn(data, KnnConfig.defaults(), 0.2, run.getSeed());
            builder = EvaluationReportBuilder.forData(data, space)
                    .policy(EvaluatedPolicies.of(run.getAlgorithm(), policy, space.bins(), guardian.fill(),
                            EvaluatedPolicies.DEFAULT_EPSILON), lastIteration)
                    .costModel(CostModel.compile(ruleSets.ruleSet(rules), data.schema()))
                    .budget(new CostBudget(SafetyBudget.of(run)))
                    .guardian(guardian)
                    .note("A continuous policy is evaluated softened into dose bins with epsilon "
                            + EvaluatedPolicies.DEFAULT_EPSILON + ": importance sampling needs probabilities");
        } else if (loaded.discretised()) {
            DiscretisedPolicy policy = DiscretisedPolicy.fromJson(new String(loaded.stored(), StandardCharsets.UTF_8));
            var rules = ruleSets.latest(COST_RULE_SET);
            ruleSetVersion = rules.getVersion();
            builder = EvaluationReportBuilder.forData(data, EvaluationSpace.of(policy))
                    .policy(EvaluatedPolicies.of(run.getAlgorithm(), policy), lastIteration)
                    .costModel(CostModel.compile(ruleSets.ruleSet(rules), data.schema()))
                    .budget(new CostBudget(SafetyBudget.of(run)))
                    .guardian(ReportGuardian.fitKnn(data, KnnConfig.defaults(), 0.2, run.getSeed()));
        } else {
            builder = EvaluationReportBuilder.forData(data, EvaluationSpace.discrete(data))
                    .policy(EvaluatedPolicies.of(run.getAlgorithm(), loaded.document().asTabular()),
                            lastIteration);
        }
        EvaluationReport report = builder
                .runName(run.getAlgorithm() + " run " + run.getId())
                .provenance(new PolicyProvenance(run.getAlgorithm(), run.getConfigJson(), run.getConfigSha256(),
                        data.contentHash(), ruleSetVersion == null ? "none" : COST_RULE_SET + " " + ruleSetVersion,
                        run.getCodeVersion()))
                .metrics(metrics)
                .selection(selection)
                .bootstrap(bootstrapReplicates, 0.95)
                .seed(run.getSeed())
                .build();
        return new Built(report, run, ruleSetVersion);
    }
}
