package dev.vigil.api.recommend;

import dev.vigil.api.rest.problem.ProblemResponses;
import dev.vigil.api.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Treatment recommendations for clinicians. Every answer is in the audit trail; its sequence number comes back in
 * the {@value #AUDIT_HEADER} header.
 */
@Path("/api/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationResource {

    public static final String AUDIT_HEADER = "X-Vigil-Audit-Seq";

    @Inject
    RecommendationService recommendations;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Recommend IV fluid and vasopressor doses for a posted current state (features in canonical "
            + "units, optional measurement times, current doses and history)")
    public Response recommend(@NotNull(message = "send the state as JSON") RecommendationRequest request) {
        return answer(recommendations.forState(request, identity.getPrincipal().getName()));
    }

    /** A clinician's decision on a recommendation. */
    public record FeedbackRequest(String outcome, String reason, String comment) {
    }

    @POST
    @Path("/{seq}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Accept or override (with a reason) a recommendation, by its audit sequence number")
    public Response feedback(@PathParam("seq") long seq,
            @NotNull(message = "send outcome, reason and comment as JSON") FeedbackRequest request) {
        return Response.status(201).entity(recommendations.feedback(seq, request.outcome(), request.reason(),
                request.comment(), identity.getPrincipal().getName())).build();
    }

    static Response answer(RecommendationService.Answer answer) {
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON).header(AUDIT_HEADER, answer.auditSeq()).build();
    }

    @ServerExceptionMapper
    public Response invalidState(InvalidStateException e, UriInfo uri) {
        return ProblemResponses.of(e.status(), e.getMessage(), uri);
    }
}
