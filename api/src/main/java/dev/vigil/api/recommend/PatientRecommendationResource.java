package dev.vigil.api.recommend;

import dev.vigil.api.rest.problem.ProblemResponses;
import dev.vigil.api.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The recommendation for a patient of the served policy's dataset; audited like every recommendation. */
@Path("/api/patients/{id}/recommendation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class PatientRecommendationResource {

    @Inject
    RecommendationService recommendations;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Recommend for the latest bloc of a patient of the served policy's dataset")
    public Response forPatient(@PathParam("id") String id, @QueryParam("useCase") String useCase) {
        String caller = identity.getPrincipal().getName();
        return RecommendationResource.answer(recommendations.forPatient(id, useCase, caller));
    }

    @ServerExceptionMapper
    public Response invalidState(InvalidStateException e, UriInfo uri) {
        return ProblemResponses.of(e.status(), e.getMessage(), uri);
    }
}
