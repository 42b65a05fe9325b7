package dev.vigil.api.cds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * CDS Hooks 2.0 endpoints. They are {@code @PermitAll} for Vigil's user roles because the callers are EHRs, not
 * Vigil users: every hook call and feedback is authenticated by the caller's signed JWT ({@link CdsJwtVerifier}),
 * checked here before anything is read. Discovery is public, as CDS Hooks clients expect.
 */
@Path("/cds-services")
@Tag(name = "CDS Hooks")
public class CdsResource {

    private static final Logger LOG = Logger.getLogger(CdsResource.class);

    @Inject
    CdsServices services;

    @Inject
    CdsJwtVerifier verifier;

    @Inject
    CdsConfig config;

    @Inject
    CdsAdmission admission;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "CDS Hooks discovery: the services, their hooks and prefetch templates")
    public ObjectNode discovery() {
        return services.discovery();
    }

    @POST
    @Path("/{id}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call a CDS service (patient-view or order-select); authenticated by the caller's JWT")
    public Response call(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri, byte[] body) throws CdsAuthException {
        requireService(id);
        CdsAuthException[] refused = new CdsAuthException[1];
        String answer = admission.admit(() -> {
            CdsCaller caller;
            try {
                caller = verifier.verify(authorization, audience(id, uri));
            } catch (CdsAuthException e) {
                refused[0] = e;
                return null;
            }
            return services.call(id, body, caller, base(uri));
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{id}/feedback")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Feedback on cards: accepted or overridden (with the reason); authenticated by the "
            + "caller's JWT")
    public Response feedback(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri, byte[] body) throws CdsAuthException {
        requireService(id);
        CdsCaller caller = verifier.verify(authorization, audience(id, uri));
        services.feedback(id, body, caller);
        return Response.ok("{}", MediaType.APPLICATION_JSON).build();
    }

    private static void requireService(String id) {
        if (!CdsServices.IDS.contains(id)) {
            throw new CdsException(404, "not-found", "No CDS service '" + id + "'; see GET /cds-services");
        }
    }

    /** The URL the JWT's aud must name: the service's endpoint (also for its feedback). */
    private String audience(String id, UriInfo uri) {
        return config.serviceBaseUrl().map(b -> (b.endsWith("/") ? b.substring(0, b.length() - 1) : b))
                .orElse(base(uri)) + "/cds-services/" + id;
    }

    private static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @ServerExceptionMapper
    public Response unauthenticated(CdsAuthException e) {
        return OperationOutcomes.of(401, "security", e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(CdsException e) {
        return OperationOutcomes.of(e.status(), e.issueType(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected CDS Hooks failure, incident %s", incident);
        return OperationOutcomes.of(500, "exception", "Something went wrong on our side; report incident " + incident);
    }
}
