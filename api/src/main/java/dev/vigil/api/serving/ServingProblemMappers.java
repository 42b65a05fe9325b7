package dev.vigil.api.serving;

import dev.vigil.api.rest.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Serving's refusals as problem details: both are 409, the state of the service does not allow the request. */
public class ServingProblemMappers {

    @ServerExceptionMapper
    public Response notServed(NotServedException e, UriInfo uri) {
        return ProblemResponses.of(409, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response refused(PromotionRefusedException e, UriInfo uri) {
        return ProblemResponses.of(409, e.getMessage(), uri);
    }
}
