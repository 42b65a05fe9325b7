package dev.vigil.api.audit;

import dev.vigil.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail for auditors: read and verify, never change. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    /** The response header giving how many entries the filters select. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    RecommendationReports reports;

    /** One entry as listed; the response is the JSON text as sent and hashed. */
    public record EntryView(long seq, Instant recordedAt, String kind, String caller, String patientId,
            String requestSha256, String modelVersion, String dataVersion, String ruleVersion, String previousHash,
            String entryHash, String responseJson) {

        static EntryView of(AuditEntry e) {
            return new EntryView(e.getSeq(), e.getRecordedAt(), e.getKind(), e.getCaller(), e.getPatientId(),
                    e.getRequestSha256(), e.getModelVersion(), e.getDataVersion(), e.getRuleVersion(),
                    e.getPreviousHash(), e.getEntryHash(), e.getResponseJson());
        }
    }

    @GET
    @Path("/verification")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Walk the hash chain and name the first entry changed or removed")
    public AuditVerification verify() {
        return verifier.verify();
    }

    @GET
    @Path("/entries")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Audit entries, filtered by caller, patient, model version (contains), kind and time range "
            + "[from, to); paged by sequence number (after, before, at most 500); oldest first unless order=desc. "
            + "X-Total-Count: how many entries the filters select, paging aside")
    public Response entries(@QueryParam("user") String user, @QueryParam("patient") String patient,
            @QueryParam("model") String model, @QueryParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("after") Long after, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("order") @DefaultValue("asc") String order) {
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new IllegalArgumentException("order must be asc or desc; got '" + order + "'");
        }
        AuditTrail.Page page = trail.search(new AuditQuery(user, patient, model, kind, instant("from", from),
                instant("to", to), after, before, limit, order.equals("desc")));
        return Response.ok(page.entries().stream().map(EntryView::of).toList())
                .header(TOTAL_COUNT, page.total()).build();
    }

    @GET
    @Path("/entries/{seq}/report")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The report of one recommendation: the entry and its verification, rules checked with "
            + "costs, the guardian's verdict, what was recommended (fallback or not), versions, and every feedback")
    public RecommendationReport report(@PathParam("seq") long seq) {
        return reports.of(seq);
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2026-11-27T08:00:00Z; got '"
                    + text + "'");
        }
    }
}
