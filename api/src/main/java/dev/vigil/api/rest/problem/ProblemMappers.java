package dev.vigil.api.rest.problem;

import dev.vigil.api.security.UnknownUserException;
import dev.vigil.api.security.UserConflictException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that reaches the REST layer into a problem detail. Unexpected exceptions are logged
 * with an incident id that the response repeats, so that a person can report it without seeing internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Browsers show their own sign-in dialog on a Basic challenge; the web UI marks its calls to avoid it. */
    private static final String XHR_HEADER = "X-Requested-With";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(ProblemResponses.of(401, "Sign in first: send HTTP Basic credentials, or sign in to the web UI",
                uri), headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(ProblemResponses.of(401,
                "Unknown user or wrong password, or the account is disabled", uri), headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "Your roles do not allow this; ask an administrator for the role it needs",
                uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .toList();
        return ProblemResponses.of(400, "The request has invalid fields: fix them and send it again", uri, errors);
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        return ProblemResponses.of(400, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unknownUser(UnknownUserException e, UriInfo uri) {
        return ProblemResponses.of(404, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(UserConflictException e, UriInfo uri) {
        return ProblemResponses.of(409, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage()
                    : "Nothing here: check the path against the API document at /q/openapi";
            case 405 -> "This path does not accept that method; see /q/openapi";
            case 406 -> "This path cannot answer in the media type you asked for";
            case 415 -> "Send the request body as application/json";
            default -> e.getMessage();
        };
        if (status == 400 && e.getCause() != null) {
            detail = "The request body is not valid JSON for this endpoint: check it against the API document at "
                    + "/q/openapi";
        }
        return ProblemResponses.of(status, detail, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        // The parser's own message may echo the body, which can carry patient data: say where, not what.
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return ProblemResponses.of(400, "The request body is not valid JSON for this endpoint" + where
                + ": check it against the API document at /q/openapi", uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s, on %s", incident, uri.getRequestUri().getRawPath());
        return ProblemResponses.of(500, "Something went wrong on our side; report incident " + incident
                + " to your administrator", uri);
    }

    private static Response challenge(Response response, HttpHeaders headers) {
        if (headers.getHeaderString(XHR_HEADER) != null) {
            return response;
        }
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Vigil\"").build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // Paths look like "create.request.username": the last node is the field the caller sent.
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
