package dev.vigil.api.rest.admin;

import dev.vigil.api.rest.admin.UserViews.CreateUser;
import dev.vigil.api.rest.admin.UserViews.NewPassword;
import dev.vigil.api.rest.admin.UserViews.UpdateUser;
import dev.vigil.api.rest.admin.UserViews.UserView;
import dev.vigil.api.security.Roles;
import dev.vigil.api.security.UnknownUserException;
import dev.vigil.api.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users and roles, for administrators only. */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class AdminUserResource {

    @Inject
    UserService users;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "All users with their roles")
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @GET
    @Path("/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One user")
    public UserView get(@PathParam("username") String username) {
        return users.find(username).map(UserView::of)
                .orElseThrow(() -> new UnknownUserException("No user named '" + username + "'"));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a user with a password and roles")
    public Response create(@Valid @NotNull CreateUser request, UriInfo uri) {
        UserView created = UserView.of(users.create(request.username(), request.displayName(), request.password(),
                request.roles()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @PATCH
    @Path("/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a user's display name, roles or enabled flag")
    public UserView update(@PathParam("username") String username, @NotNull UpdateUser request) {
        return UserView.of(users.update(username, request.displayName(), request.roles(), request.enabled()));
    }

    @PUT
    @Path("/{username}/password")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a user's password")
    public Response setPassword(@PathParam("username") String username, @Valid @NotNull NewPassword request) {
        users.setPassword(username, request.password());
        return Response.noContent().build();
    }
}
