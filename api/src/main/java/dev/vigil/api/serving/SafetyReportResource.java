package dev.vigil.api.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.run.RunService;
import dev.vigil.api.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Basic safety reports of a run's policy: computing one is what makes the run promotable. */
@Path("/api/runs/{id}/safety-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Serving")
public class SafetyReportResource {

    @Inject
    SafetyReportService reports;

    @Inject
    RunService runs;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    /** A stored report with its summary. */
    public record SafetyReportView(String id, String runId, Instant createdAt, String createdBy, String verdict,
            String ruleSetVersion, JsonNode summary) {
    }

    @POST
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Compute the run's basic safety report on its dataset (per-rule violation rates and expected "
            + "cost of the policy vs the clinicians, OOD rate) and record it")
    public Response compute(@PathParam("id") String id) {
        requireRun(id);
        SafetyReportRecord record = reports.compute(id, identity.getPrincipal().getName());
        return Response.status(201).entity(view(record)).build();
    }

    @GET
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The run's basic safety reports, newest first")
    public List<SafetyReportView> list(@PathParam("id") String id) {
        requireRun(id);
        return reports.of(id).stream().map(this::view).toList();
    }

    private void requireRun(String id) {
        runs.find(id).orElseThrow(() -> new NotFoundException("No run " + id));
    }

    private SafetyReportView view(SafetyReportRecord r) {
        try {
            return new SafetyReportView(r.getId(), r.getRunId(), r.getCreatedAt(), r.getCreatedBy(), r.getVerdict(),
                    r.getRuleSetVersion(), json.readTree(r.getSummaryJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
