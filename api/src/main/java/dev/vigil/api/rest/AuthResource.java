package dev.vigil.api.rest;

import dev.vigil.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Signing out of the web UI. Signing in is Quarkus' form login: {@code POST /j_security_check} with
 * {@code j_username} and {@code j_password}; it answers 200 and sets the session cookie, or 401.
 */
@Path("/api/auth")
@Tag(name = "Session")
public class AuthResource {

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    @POST
    @Path("/logout")
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Sign out: expires the session cookie")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(cookieName)
                .path("/")
                .value("")
                .maxAge(0)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        return Response.noContent().cookie(expired).build();
    }
}
