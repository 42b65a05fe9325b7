package dev.vigil.api.report;

import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.api.report.RunReportResource.ReportView;
import dev.vigil.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every report, and each one's JSON, HTML and PDF, for researchers and auditors. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    RunReportService reports;

    @Inject
    ArtifactService artifacts;

    @GET
        @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "Every report, newest first; ?kind=safety or ?kind=evaluation to filter")
    public List<ReportView> all(@QueryParam("kind") String kind) {
        RunReport.Kind filter = null;
        if (kind != null && !kind.isBlank()) {
            try {
                filter = RunReport.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("kind must be evaluation or safety, got '" + kind + "'");
            }
        }
        return reports.all(filter).stream().map(ReportView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "One report's record")
    public ReportView one(@PathParam("id") String id) {
        return ReportView.of(reports.require(id));
    }

    @GET
    @Path("/{id}/json")
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "The report's content as JSON")
    public Response json(@PathParam("id") String id) {
        return file(reports.require(id).getJsonSha256(), MediaType.APPLICATION_JSON, null);
    }

    @GET
    @Path("/{id}/html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "The report as a self-contained HTML page")
    public Response html(@PathParam("id") String id) {
        return file(reports.require(id).getHtmlSha256(), MediaType.TEXT_HTML + ";charset=utf-8", null);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "The report as PDF (safety reports)")
    public Response pdf(@PathParam("id") String id) {
        RunReport report = reports.require(id);
        if (report.getPdfSha256() == null) {
            throw new NotFoundException("Report " + id + " has no PDF; safety-constraint reports do");
        }
        return file(report.getPdfSha256(), "application/pdf", "attachment; filename=\"safety-report-"
                + report.getRunId().substring(0, 8) + ".pdf\"");
    }

    private Response file(String sha256, String mediaType, String disposition) {
        Response.ResponseBuilder response = Response.ok(artifacts.open(sha256), mediaType)
                .header("X-Content-Type-Options", "nosniff")
                // The HTML reports carry no script; forbid any anyway, and any fetch, should one be injected.
                .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
        if (disposition != null) {
            response.header("Content-Disposition", disposition);
        }
        return response.build();
    }
}
