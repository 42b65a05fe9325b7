package dev.vigil.api.report;

import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.offlinerl.report.CheckpointSelection;
import dev.vigil.offlinerl.report.EvaluationReport;
import dev.vigil.offlinerl.report.ReportHtmlWriter;
import dev.vigil.offlinerl.report.ReportJson;
import dev.vigil.safety.constraint.SafetyConstraintReport;
import dev.vigil.safety.constraint.SafetyThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Generates reports for runs and records them. The computation runs outside any transaction (it can take a
 * while); only the final row is written in one.
 */
@ApplicationScoped
public class RunReportService {

    public static final String EVALUATION_MEDIA_TYPE = "application/vnd.vigil.evaluation-report+json";

    @Inject
    EntityManager em;

    @Inject
    ArtifactService artifacts;

    @Inject
    EvaluationReportGenerator evaluations;

    @Inject
    SafetyReportGenerator safetyReports;

    Clock clock = Clock.systemUTC();

    /** Builds, stores and records the run's evaluation report. */
    public RunReport evaluation(String runIdOrPrefix, CheckpointSelection selection, int bootstrapReplicates,
            String user) {
        EvaluationReportGenerator.Built built = evaluations.build(runIdOrPrefix, selection, bootstrapReplicates);
        EvaluationReport report = built.report();
        String description = "evaluation report of run " + built.run().getId();
        String json = artifacts.put(new ByteArrayInputStream(ReportJson.write(report).getBytes(StandardCharsets.UTF_8)),
                EVALUATION_MEDIA_TYPE, "evaluation-report", description, user).getSha256();
        String html = artifacts.put(new ByteArrayInputStream(new ReportHtmlWriter().html(report)
                .getBytes(StandardCharsets.UTF_8)), "text/html", "evaluation-report", description, user).getSha256();
        return record(new RunReport(UUID.randomUUID().toString(), built.run().getId(), RunReport.Kind.EVALUATION, json,
                html, null, null, evaluationSummary(report),
                built.ruleSetVersion() == null ? null : EvaluationReportGenerator.COST_RULE_SET,
                built.ruleSetVersion(), user, clock.instant()));
    }

    /** Builds, stores and records the run's safety-constraint report. */
    public RunReport safety(String runIdOrPrefix, String ruleSetId, String ruleSetVersion, Double budget,
            SafetyThresholds thresholds, String user) {
        SafetyReportGenerator.Generated generated = safetyReports.generate(runIdOrPrefix, ruleSetId, ruleSetVersion,
                budget, thresholds, user);
        return recordSafety(generated.report().provenance().get("Run"), generated, user);
    }

    /** Records a stored safety-constraint report of a run. */
    public RunReport recordSafety(String runId, SafetyReportGenerator.Generated generated, String user) {
        SafetyConstraintReport report = generated.report();
        return record(new RunReport(UUID.randomUUID().toString(), runId, RunReport.Kind.SAFETY,
                generated.jsonSha256(), generated.htmlSha256(), generated.pdfSha256(),
                report.verdict().pass() ? "PASS" : "FAIL", safetySummary(report), report.ruleSet().id(),
                report.ruleSet().version(), user, clock.instant()));
    }

    @Transactional
    RunReport record(RunReport report) {
        em.persist(report);
        return report;
    }

    /** A run's reports, newest first. */
    public List<RunReport> ofRun(String runId) {
        return em.createQuery("from RunReport r where r.runId = :run order by r.createdAt desc, r.id", RunReport.class)
                .setParameter("run", runId).getResultList();
    }

    /** Every report of a kind (null: all), newest first. */
    public List<RunReport> all(RunReport.Kind kind) {
        return (kind == null
                ? em.createQuery("from RunReport r order by r.createdAt desc, r.id", RunReport.class)
                : em.createQuery("from RunReport r where r.kind = :kind order by r.createdAt desc, r.id",
                        RunReport.class).setParameter("kind", kind)).getResultList();
    }

    public Optional<RunReport> find(String id) {
        return Optional.ofNullable(em.find(RunReport.class, id));
    }

    public RunReport require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No report " + id));
    }

    /** Whether the run has a safety-constraint report (the gate for serving a policy). */
    public boolean hasSafetyReport(String runId) {
        return latestSafetyReport(runId).isPresent();
    }

    /** The run's newest safety-constraint report, if any (the one a promotion relies on). */
    public Optional<RunReport> latestSafetyReport(String runId) {
        return em.createQuery("from RunReport r where r.runId = :run and r.kind = :kind "
                + "order by r.createdAt desc, r.id", RunReport.class)
                .setParameter("run", runId).setParameter("kind", RunReport.Kind.SAFETY).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    private static String evaluationSummary(EvaluationReport report) {
        StringBuilder text = new StringBuilder("checkpoint " + report.checkpoint().selection() + " (iteration "
                + report.checkpoint().iteration() + ")");
        report.ope().policy().stream().filter(r -> r.estimator().equals("WDR")).findFirst().ifPresent(r ->
                text.append(String.format(Locale.ROOT, "; WDR %.3f [%.3f, %.3f]", r.estimate(), r.lower(), r.upper())));
        return text.toString();
    }

    private static String safetySummary(SafetyConstraintReport report) {
        return String.format(Locale.ROOT, "%s: normalised cost %.3f (clinicians %.3f), OOD %s, %d episodes",
                report.verdict().pass() ? "PASS" : "FAIL", report.policy().normalisedCost(),
                report.clinicians().normalisedCost(), Double.isNaN(report.policy().oodRate()) ? "n/a"
                        : String.format(Locale.ROOT, "%.1f %%", 100 * report.policy().oodRate()), report.episodes());
    }
}
