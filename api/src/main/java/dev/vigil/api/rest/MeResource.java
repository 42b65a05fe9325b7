package dev.vigil.api.rest;

import dev.vigil.api.security.Roles;
import dev.vigil.api.security.UserService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is signed in. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class MeResource {

    /** The signed-in user as the UI shows them. */
    public record Me(String username, String displayName, List<String> roles) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    UserService users;

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The signed-in user's name and roles")
    public Me me() {
        String username = identity.getPrincipal().getName();
        String displayName = users.current(username).map(UserService.Principal::displayName).orElse(username);
        List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
        return new Me(username, displayName, roles);
    }
}
