package dev.vigil.api.tace;

import dev.vigil.api.rest.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem details for TACE planning failures; more specific than the IllegalArgumentException -> 400 mapping. */
public class TaceProblemMappers {

    @ServerExceptionMapper
    public Response unknownPatient(UnknownPatientException e, UriInfo uri) {
        return ProblemResponses.of(404, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response noWorldModel(NoWorldModelException e, UriInfo uri) {
        return ProblemResponses.of(409, e.getMessage(), uri);
    }
}
