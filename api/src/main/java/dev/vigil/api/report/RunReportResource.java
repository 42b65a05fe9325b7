package dev.vigil.api.report;

import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.api.run.RunService;
import dev.vigil.api.security.Roles;
import dev.vigil.offlinerl.report.CheckpointSelection;
import dev.vigil.safety.constraint.SafetyThresholds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A run's reports over HTTP: researchers generate evaluation and safety-constraint reports; researchers and
 * auditors list them (auditors change nothing). The reports themselves are read through {@link ReportResource}.
 */
@Path("/api/runs/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class RunReportResource {

    @Inject
    RunReportService reports;

    @Inject
    RunService runs;

    @Inject
    ArtifactService artifacts;

    @Inject
    SecurityIdentity identity;

    /** A report as listed. */
    public record ReportView(String id, String runId, String kind, String verdict, String summary, String ruleSetId,
            String ruleSetVersion, String createdBy, Instant createdAt, boolean hasPdf) {
        static ReportView of(RunReport r) {
            return new ReportView(r.getId(), r.getRunId(), r.getKind().name().toLowerCase(Locale.ROOT), r.getVerdict(),
                    r.getSummary(), r.getRuleSetId(), r.getRuleSetVersion(), r.getCreatedBy(), r.getCreatedAt(),
                    r.getPdfSha256() != null);
        }
    }

    /** Which checkpoint an evaluation report shows. */
    public record EvaluationRequest(String selection, Integer bootstrap) {
    }

    /** Under which rules and thresholds a safety report is judged; every field optional. */
    public record SafetyRequest(String ruleSetId, String ruleSetVersion, Double budget, Double maxNormalisedCost,
            Double maxOodRate, Double maxRuleExcess, Double minCalibrationCoverage) {
    }

    @GET
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "A run's reports, newest first")
    public List<ReportView> ofRun(@PathParam("id") String id) {
        return reports.ofRun(runs.resolve(id).getId()).stream().map(ReportView::of).toList();
    }

    @POST
    @Path("/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Generate the run's evaluation report (OPE with intervals, figures)")
    public Response evaluation(@PathParam("id") String id, EvaluationRequest request) {
        CheckpointSelection selection = request == null || request.selection() == null ? CheckpointSelection.LAST
                : selection(request.selection());
        int bootstrap = request == null || request.bootstrap() == null ? 200 : request.bootstrap();
        if (bootstrap < 20 || bootstrap > 5000) {
            throw new BadRequestException("bootstrap must be between 20 and 5000 replicates, got " + bootstrap);
        }
        RunReport report = reports.evaluation(id, selection, bootstrap, identity.getPrincipal().getName());
        return Response.status(201).entity(ReportView.of(report)).build();
    }

    @POST
    @Path("/safety")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Generate the run's safety-constraint report (JSON, HTML, PDF)")
    public Response safety(@PathParam("id") String id, SafetyRequest request) {
        SafetyRequest r = request == null ? new SafetyRequest(null, null, null, null, null, null, null) : request;
        SafetyThresholds defaults = SafetyThresholds.defaults();
        SafetyThresholds thresholds = new SafetyThresholds(
                r.maxNormalisedCost() == null ? defaults.maxNormalisedCost() : r.maxNormalisedCost(),
                r.maxOodRate() == null ? defaults.maxOodRate() : r.maxOodRate(),
                r.maxRuleExcess() == null ? defaults.maxRuleExcess() : r.maxRuleExcess(),
                r.minCalibrationCoverage() == null ? defaults.minCalibrationCoverage() : r.minCalibrationCoverage());
        RunReport report = reports.safety(id, r.ruleSetId() == null ? "sepsis-bedside" : r.ruleSetId(),
                r.ruleSetVersion(), r.budget(), thresholds, identity.getPrincipal().getName());
        return Response.status(201).entity(ReportView.of(report)).build();
    }

    private static CheckpointSelection selection(String text) {
        for (CheckpointSelection s : CheckpointSelection.values()) {
            if (s.name().equalsIgnoreCase(text.replace('-', '_')) || s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new BadRequestException("selection must be last or best-by-ope-lower-bound, got '" + text + "'");
    }
}
