package dev.vigil.api.serving;

import dev.vigil.api.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which policy version serves which use case, and promotions. */
@Path("/api/serving")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Serving")
public class ServingResource {

    @Inject
    ServingService serving;

    @Inject
    SecurityIdentity identity;

    /** A promotion request: the run (id or unique prefix) and why. */
    public record PromotionRequest(@NotBlank(message = "the run to promote is required") String run,
            @NotBlank(message = "say why this policy should serve") String reason) {
    }

    /** A recorded promotion. */
    public record PromotionView(String id, String useCase, String runId, String previousRunId, String safetyReportId,
            String promotedBy, Instant promotedAt, String reason) {

        static PromotionView of(PolicyPromotion p) {
            return new PromotionView(p.getId(), p.getUseCase(), p.getRunId(), p.getPreviousRunId(),
                    p.getSafetyReportId(), p.getPromotedBy(), p.getPromotedAt(), p.getReason());
        }
    }

    /** The active version of a use case. */
    public record ActiveView(String useCase, String runId, String promotionId) {
    }

    @POST
    @Path("/{useCase}/promotions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESEARCHER, Roles.ADMIN})
    @Operation(summary = "Promote a run's policy to serve a use case; refused (409) while the run has no safety report")
    public Response promote(@PathParam("useCase") String useCase, @Valid @NotNull PromotionRequest request) {
        PolicyPromotion promotion = serving.promote(useCase, request.run(), request.reason(),
                identity.getPrincipal().getName());
        return Response.status(201).entity(PromotionView.of(promotion)).build();
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The active policy version of every use case")
    public List<ActiveView> active() {
        return serving.activeVersions().stream()
                .map(r -> new ActiveView(r.getUseCase(), r.getRunId(), r.getPromotionId())).toList();
    }

    @GET
    @Path("/{useCase}/promotions")
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The promotions of a use case, newest first: who, when, why, replacing which run")
    public List<PromotionView> history(@PathParam("useCase") String useCase) {
        return serving.history(useCase).stream().map(PromotionView::of).toList();
    }
}
