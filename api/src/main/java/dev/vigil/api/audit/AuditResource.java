package dev.vigil.api.audit;

import dev.vigil.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail for auditors: read and verify, never change. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private static final int MAX_PAGE = 500;

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

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
    @Operation(summary = "Audit entries after a sequence number, oldest first (at most 500 per page)")
    public List<EntryView> entries(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + "; got " + limit);
        }
        return trail.page(after, limit).stream().map(EntryView::of).toList();
    }
}
