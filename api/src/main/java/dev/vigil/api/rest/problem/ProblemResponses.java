package dev.vigil.api.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem-detail responses; the one place that knows their shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String detail, UriInfo uri) {
        return of(status, detail, uri, null);
    }

    public static Response of(int status, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem problem = new Problem("about:blank", title, status, detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
